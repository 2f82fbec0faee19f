import { chromium } from 'playwright-core';
import { startServer, openApp } from './lib.mjs';
const server = await startServer('/tmp/prof');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await openApp(page, `${server.url}/?pattern=gather&tasks=10000&sleep=1000,2000,3000&clock=virtual`);
await page.waitForSelector('[data-test=outcome][data-state=finished]', { timeout: 120000 });
await page.waitForTimeout(500);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
const t = await page.evaluate(async () => {
  const el = document.querySelector('[data-test=scrubber]');
  const t0 = performance.now();
  el.value = '0';
  el.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((r) => queueMicrotask(r));
  return performance.now() - t0;
});
const { profile } = await cdp.send('Profiler.stop');
console.log('first moment script', t.toFixed(1));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const dt = profile.timeDeltas;
const incl = new Map();
profile.samples.forEach((id, i) => {
  const seen = new Set();
  for (let x = id; x !== undefined; x = parent.get(x)) {
    const name = byId.get(x).callFrame.functionName.replace(/::h[0-9a-f]{16}/, '');
    if (seen.has(name)) continue; seen.add(name);
    incl.set(name, (incl.get(name) || 0) + (dt[i] || 0));
  }
});
[...incl.entries()].filter(([n]) => n.includes('asyncio') || n.includes('Layout') || n.length < 30).sort((a, b) => b[1] - a[1]).slice(0, 40).forEach(([n, t]) => console.log((t / 1000).toFixed(2).padStart(8), n.slice(0, 150)));
await browser.close(); server.stop();
