import { chromium } from 'playwright-core';
import { startServer, openApp } from './lib.mjs';
const server = await startServer(process.argv[2] || '/tmp/prof');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await openApp(page, `${server.url}/?pattern=gather&tasks=10000&sleep=1000,2000,3000&clock=virtual`);
await page.waitForSelector('[data-test=outcome][data-state=finished]', { timeout: 120000 });
await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline'] });
const times = await page.evaluate(async () => {
  const el = document.querySelector('[data-test=scrubber]');
  const max = Number(el.max);
  const out = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    el.value = String(Math.round((max * ((i * 7) % 20)) / 19));
    el.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    out.push(performance.now() - t0);
  }
  return out;
});
const buf = await browser.stopTracing();
console.log(times.map((t) => t.toFixed(1)).join(' '), 'sum', times.reduce((a, b) => a + b).toFixed(0));
const { traceEvents } = JSON.parse(buf.toString());
const sum = new Map();
for (const e of traceEvents) {
  if (e.ph !== 'X' || !e.dur) continue;
  if (!['Layout', 'UpdateLayoutTree', 'FunctionCall', 'TimerFire', 'MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'Paint', 'EventDispatch', 'RunMicrotasks', 'v8.callFunction', 'ParseHTML', 'HitTest', 'PrePaint', 'Layerize', 'UpdateLayer', 'CompositeLayers', 'IntersectionObserverController::computeIntersections', 'ScheduleStyleRecalculation'].includes(e.name)) continue;
  sum.set(e.name, (sum.get(e.name) || 0) + e.dur / 1000);
}
console.log([...sum.entries()].sort((a, b) => b[1] - a[1]).map(([n, t]) => `${n} ${t.toFixed(1)}`).join('\n'));
await browser.close(); server.stop();
