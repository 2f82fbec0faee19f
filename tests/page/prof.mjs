import { chromium } from 'playwright-core';
import { startServer, openApp } from './lib.mjs';
const server = await startServer('/tmp/prof');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await openApp(page, `${server.url}/?pattern=gather&tasks=10000&sleep=1000,2000,3000&clock=virtual`);
await page.waitForSelector('[data-test=outcome][data-state=finished]', { timeout: 120000 });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
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
const { profile } = await cdp.send('Profiler.stop');
console.log(times.map((t) => t.toFixed(1)).join(' '));
// self time per function
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
profile.samples.forEach((id, i) => {
  const n = byId.get(id);
  const name = n.callFrame.functionName || '(anon)';
  self.set(name, (self.get(name) || 0) + (dt[i] || 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log('total ms', (total / 1000).toFixed(1));
[...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30).forEach(([n, t]) => console.log((t / 1000).toFixed(1).padStart(8), n.slice(0, 140)));
// inclusive time for rust fns
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const incl = new Map();
profile.samples.forEach((id, i) => {
  const seen = new Set();
  for (let x = id; x !== undefined; x = parent.get(x)) {
    const name = byId.get(x).callFrame.functionName;
    if (seen.has(name)) continue; seen.add(name);
    incl.set(name, (incl.get(name) || 0) + (dt[i] || 0));
  }
});
console.log('--- inclusive');
[...incl.entries()].sort((a, b) => b[1] - a[1]).slice(0, 60).forEach(([n, t]) => console.log((t / 1000).toFixed(1).padStart(8), n.slice(0, 160)));
// children of a named function
const target = process.argv[2];
if (target) {
  const under = new Map();
  profile.samples.forEach((id, i) => {
    const chain = [];
    for (let x = id; x !== undefined; x = parent.get(x)) chain.push(byId.get(x).callFrame.functionName);
    const at = chain.findIndex((n) => n.includes(target));
    if (at > 0) { const k = chain.slice(Math.max(0, at - 3), at).reverse().join(' > ').slice(0, 300); under.set(k, (under.get(k) || 0) + (dt[i] || 0)); }
  });
  console.log('--- under', target);
  [...under.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([n, t]) => console.log((t / 1000).toFixed(1).padStart(8), n));
}
await browser.close(); server.stop();
