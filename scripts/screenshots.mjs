// `make screenshots`: PNGs of the page's main states for the README (docs/screenshots/).
// Serves the repo on 127.0.0.1, drives Debian's Chromium with playwright-core.
import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, openApp } from '../tests/page/lib.mjs';

/** Waits until the page's first embed has said it is ready (its frame is laid out at its height). */
async function firstEmbedReady(page) {
  await page.waitForFunction(() => {
    const frame = document.querySelector('asyncio-playground')?.shadowRoot?.querySelector('iframe');
    return frame?.contentDocument?.querySelector('[data-test=app][data-ready="1"]');
  }, null, { timeout: 20000 });
}

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(repo, 'docs', 'screenshots');
await mkdir(out, { recursive: true });
const shots = [
  // name, query, wait for: 'finished' or a time in ms to stop mid-run, viewport width (1280 unless given)
  ['real-clock-half-second', 'pattern=gather&tasks=8&sleep=2000,1000,1500,800,2000,1200,600,1800', 500],
  ['phone-390', 'pattern=taskgroup&tasks=5&sleep=300,100,200,400,250&fail=1&clock=virtual&speed=instant', 'finished', 390],
  ['gather-running', 'pattern=gather&tasks=12&sleep=1000,2000,3000,1500,2500,500,1200,2200,2800,900,1700,2600&clock=virtual&speed=1', 1400],
  ['taskgroup-failure', 'pattern=taskgroup&tasks=8&sleep=3000,1000,2000,2500,1500,3500,500,2800&fail=4&clock=virtual&speed=instant', 'finished'],
  ['wait-first-completed', 'pattern=wait&tasks=6&sleep=3000,1000,2000,2500,1500,3500&return_when=FIRST_COMPLETED&clock=virtual&speed=instant', 'finished'],
];
const server = await startServer(repo);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  for (const [name, query, until, width = 1280] of shots) {
    const page = await browser.newPage({ viewport: { width, height: 1000 } });
    await openApp(page, `${server.url}/?${query}`);
    await page.click('[data-test=run]');
    if (until === 'finished') await page.waitForSelector('[data-test=outcome][data-state=finished]');
    else await page.waitForTimeout(until);
    await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
    console.log(`docs/screenshots/${name}.png`);
    await page.close();
  }
  // Programs: a gallery example mid-run with its code marks, a blocking call's stall, an example
  // finished with what to watch for, the Compare view, and a program on a 390 px phone.
  const example = async (page, name) => {
    await page.click('[data-test=gallery] summary');
    await page.click(`[data-test=example][data-name="${name}"]`);
    await page.waitForSelector('[data-test=outcome][data-state=finished]');
  };
  const programShots = [
    ['program-code-marks', 'clock=virtual&speed=1', 'limited-downloads', 1300, 1280],
    ['program-blocking-stall', 'clock=virtual&speed=instant', 'blocking-sleep', 'finished', 1280],
    ['program-example', 'clock=virtual&speed=instant', 'gather-vs-taskgroup', 'finished', 1280],
    ['program-phone-390', 'clock=virtual&speed=1', 'semaphore', 900, 390],
  ];
  for (const [name, query, pick, until, width] of programShots) {
    const page = await browser.newPage({ viewport: { width, height: 1000 } });
    await openApp(page, `${server.url}/?${query}`);
    await example(page, pick);
    if (until !== 'finished') {
      await page.click('[data-test=run]');
      await page.waitForTimeout(until);
      await page.click('[data-test=pause]');
    }
    await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
    console.log(`docs/screenshots/${name}.png`);
    await page.close();
  }
  const compare = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await openApp(compare, `${server.url}/?tasks=4&sleep=1000,2000,3000,1500&fail=0&cancel=3@1200`);
  await compare.click('[data-test=compare-open]');
  await compare.waitForSelector('[data-test=compare-way]');
  await (await compare.$('[data-test=compare]')).screenshot({ path: join(out, 'compare.png') });
  console.log('docs/screenshots/compare.png');
  await compare.close();
  // The loop inspector at an interesting pass: a TaskGroup aborting, and a blocking call.
  for (const [name, url, pass] of [
    ['inspector-taskgroup-abort', '?pattern=taskgroup&tasks=5&sleep=3000,1000,2000,2500,1500&fail=1&clock=virtual', 'Task-3'],
    ['inspector-blocking-call', '?clock=virtual', 'blocking-sleep'],
  ]) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await openApp(page, `${server.url}/${url}`);
    await page.waitForSelector('[data-test=outcome][data-state=finished]');
    if (pass === 'blocking-sleep') {
      await example(page, 'blocking-sleep');
      await page.fill('[data-test=pass-filter]', 'Task-3');
      await page.click('[data-test=pass] >> nth=0');
    } else {
      // The pass in which the failing task's error reaches the TaskGroup: Task-3 fails at 1 s.
      await page.fill('[data-test=pass-filter]', pass);
      await page.click('[data-test=pass] >> nth=-1');
    }
    await page.fill('[data-test=pass-filter]', '');
    const box = await page.$('.timeline-column');
    await box.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
    console.log(`docs/screenshots/${name}.png`);
    await page.close();
  }
  // The tutorial, with its first playground run.
  const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
  await page.goto(`${server.url}/www/tutorial.html`);
  const first = await page.waitForSelector('asyncio-playground');
  await firstEmbedReady(page);
  await first.evaluate((el) => el.run());
  await page.waitForTimeout(1600);
  await page.screenshot({ path: join(out, 'tutorial.png') });
  console.log('docs/screenshots/tutorial.png');
  // The tutorial printed: each embed as its code and its run, no buttons.
  const printed = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  await printed.goto(`${server.url}/www/tutorial.html`);
  await firstEmbedReady(printed);
  await printed.waitForTimeout(1500);
  await printed.emulateMedia({ media: 'print' });
  await printed.screenshot({ path: join(out, 'tutorial-printed.png') });
  console.log('docs/screenshots/tutorial-printed.png');
  // A narrow embed: the tutorial in a 360 px column.
  const narrow = await browser.newPage({ viewport: { width: 360, height: 1200 } });
  await narrow.goto(`${server.url}/www/tutorial.html`);
  const embed = await narrow.waitForSelector('asyncio-playground');
  await firstEmbedReady(narrow);
  await embed.evaluate((el) => el.run());
  await narrow.waitForTimeout(1600);
  await embed.scrollIntoViewIfNeeded();
  await narrow.screenshot({ path: join(out, 'embed-narrow.png') });
  console.log('docs/screenshots/embed-narrow.png');
} finally {
  await browser.close();
  server.stop();
}
