import { chromium } from 'playwright-core';
import { startServer, openApp } from './lib.mjs';
const server = await startServer(process.argv[2] || '/tmp/prof');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await openApp(page, `${server.url}/?pattern=gather&tasks=10000&sleep=1000,2000,3000&clock=virtual`);
await page.waitForSelector('[data-test=outcome][data-state=finished]', { timeout: 120000 });
for (let round = 0; round < 3; round++) {
const times = await page.evaluate(async () => {
  const el = document.querySelector('[data-test=scrubber]');
  const max = Number(el.max);
  const out = [];
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 30));
    const t0 = performance.now();
    el.value = String(Math.round((max * ((i * 7) % 20)) / 19));
    el.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => queueMicrotask(r));
    const t1 = performance.now();
    const snap = () => [...document.querySelectorAll('[data-state-at]')].map((e) => e.dataset.stateAt).join() + document.querySelector('[data-test=console]').textContent.length + (document.querySelector('[data-test=at-moment]')?.textContent || '') + document.querySelector('.inspector')?.textContent.length;
    const a = snap();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    out.push([t1 - t0, performance.now() - t0, a === snap()]);
  }
  return out;
});
console.log('script', times.map((t) => t[0].toFixed(1)).join(' '));
console.log('same  ', times.map((t) => t[2] ? 'y' : 'N').join(' '));
console.log('paint ', times.map((t) => t[1].toFixed(1)).join(' '));
}
await browser.close(); server.stop();
