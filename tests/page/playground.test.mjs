// The playground page: real-time run, outcome equal to the CLI's on the virtual clock, URL round
// trip, keyboard-only use, Reset, and no leak over many Run/Reset cycles.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, watch } from './lib.mjs';

/** The CLI's outcome for a spec (the native build `cargo test` made). */
function cliOutcome(repo, spec) {
  const bin = join(repo, 'target', 'debug', 'asyncio-playground');
  if (!existsSync(bin)) execFileSync('cargo', ['build', '--bin', 'asyncio-playground'], { cwd: repo, stdio: 'inherit' });
  return JSON.parse(execFileSync(bin, ['run', spec], { encoding: 'utf8' }));
}

async function runToEnd(page, timeout = 20000) {
  await page.click('[data-test=run]');
  await page.waitForSelector('[data-test=outcome][data-state=finished]', { timeout });
  return JSON.parse(await page.getAttribute('[data-test=outcome]', 'data-json'));
}

const stats = (page) => page.evaluate(async () => (await import('./www/pkg/asyncio_playground.js')).debug_stats());

const SPECS = [
  'pattern=sequential&tasks=4&sleep=300&fail=2',
  'pattern=sequential&tasks=5&interrupt=2500&sleep=1000',
  'pattern=manual&sleep=3000,1000,2000&fail=1',
  'pattern=manual&sleep=3000,1000,2000&cancel=1@500&linger=100',
  'pattern=manual&sleep=3000,1000,2000&interrupt=1500',
  'pattern=taskgroup&sleep=3000,1000,2000&fail=1',
  'pattern=taskgroup&tasks=6&sleep=1000&fail=1,3,5&linger=200',
  'pattern=taskgroup&sleep=3000,1000,2000&cancel=0@500,2@500',
  'pattern=wait&sleep=3000,1000,2000&return_when=FIRST_COMPLETED',
  'pattern=wait&sleep=3000,1000,2000&fail=2&return_when=FIRST_EXCEPTION',
  'pattern=wait&sleep=3000,1000,2000&timeout=1500',
  'pattern=wait&tasks=0&linger=0',
  'pattern=gather&sleep=3000,1000,2000&fail=1',
  'pattern=gather&sleep=3000,1000,2000&fail=2&cancel=1@500&return_exceptions=1',
  'pattern=gather&sleep=3000,1000,2000&interrupt=1500&linger=500',
  'pattern=gather&tasks=40&sleep=0&fail=7,30',
];

export const tests = [
  {
    name: 'the default page runs 20 x 1 s under gather in about 1 s, printing 20 lines and Done.',
    async run({ page, base }) {
      const problems = watch(page);
      await openApp(page, `${base}/`);
      const started = Date.now();
      const outcome = await runToEnd(page);
      const took = Date.now() - started;
      assert.ok(took > 900 && took < 3000, `took ${took} ms`);
      const lines = await page.$$eval('[data-test=console] > *', (els) => els.map((e) => e.textContent.replace(/^\s*[\d.]+/, '')));
      assert.equal(lines.length, 21);
      assert.equal(lines[20], 'Done.');
      assert.equal(outcome.stdout.length, 21);
      assert.ok(outcome.main.end_ms >= 1000 && outcome.main.end_ms < 1500, `main ended at ${outcome.main.end_ms} ms`);
      assert.equal(await page.$$eval('[data-test=lane]', (els) => els.length), 20);
      assert.deepEqual(problems.errors, []);
    },
  },
  {
    name: `on the virtual clock the page's outcome JSON equals the CLI's for ${SPECS.length} specs`,
    async run({ page, base, repo }) {
      for (const spec of SPECS) {
        await openApp(page, `${base}/?${spec}&clock=virtual&speed=instant`);
        const ours = await runToEnd(page);
        assert.deepEqual(ours, cliOutcome(repo, spec), spec);
        // One lane per task, named as CPython names it (work(i)'s task is Task-{i+2}); sequential's
        // coroutines run inside main's task, so it has main's lane only.
        const lanes = await page.$$eval('[data-test=lane]', (els) => els.map((e) => [e.dataset.task, e.dataset.state]));
        const expected = spec.includes('pattern=sequential') ? [] : ours.tasks.map((t) => [`Task-${t.index + 2}`, t.state]);
        assert.deepEqual(lanes, expected, `${spec}: lanes`);
        assert.equal(await page.$$eval('[data-test=lane-main]', (els) => els.length), 1, `${spec}: main's lane`);
      }
    },
  },
  {
    name: 'virtual time played at 10x is exact: the outcome equals the CLI',
    async run({ page, base, repo }) {
      const spec = 'pattern=taskgroup&sleep=3000,1000,2000&fail=1&linger=500';
      await openApp(page, `${base}/?${spec}&clock=virtual&speed=10`);
      const started = Date.now();
      assert.deepEqual(await runToEnd(page), cliOutcome(repo, spec));
      assert.ok(Date.now() - started >= 150, 'it played in time (1.5 s of loop time at 10x)');
    },
  },
  {
    name: 'the URL is the scenario: edits update it and a copied link reproduces the page',
    async run({ page, base }) {
      await openApp(page, `${base}/?pattern=wait&tasks=3&sleep=3000,1000,2000&clock=virtual`);
      await page.fill('[data-test=field-fail]', '1');
      await page.click('[data-test=pattern-taskgroup]');
      const url = page.url();
      assert.match(url, /pattern=taskgroup/);
      assert.match(url, /fail=1/);
      assert.match(url, /clock=virtual/);
      await page.goto('about:blank');
      await openApp(page, url);
      assert.equal(await page.inputValue('[data-test=field-fail]'), '1');
      assert.equal(await page.inputValue('[data-test=field-sleep]'), '3000,1000,2000');
      assert.ok(await page.isChecked('[data-test=pattern-taskgroup]'));
    },
  },
    {
    name: 'Share offers the link and an embed snippet that works as pasted',
    async run({ page, base }) {
      await openApp(page, `${base}/?pattern=wait&tasks=2&sleep=10&clock=virtual&speed=instant`);
      await page.click('[data-test=share] summary');
      const link = await page.inputValue('[data-test=share-link]');
      assert.equal(link, page.url());
      const snippet = await page.inputValue('[data-test=share-embed]');
      assert.match(snippet, new RegExp(`<script type="module" src="${base}/www/embed.js"></script>`));
      await page.setContent(`<!doctype html><link rel="icon" href="data:,">${snippet}`);
      const frame = await (await page.waitForSelector('asyncio-playground')).evaluateHandle((el) => el.shadowRoot.querySelector('iframe'));
      const inner = await frame.asElement().contentFrame();
      await inner.waitForSelector('[data-test=app][data-ready="1"]');
      assert.match(inner.url(), /pattern=wait&tasks=2&sleep=10&clock=virtual&speed=instant/);
    },
  },
  {
    name: 'an invalid link shows its error and loads the defaults; invalid input disables Run',
    async run({ page, base }) {
      await openApp(page, `${base}/?taks=3`);
      assert.match(await page.textContent('[data-test=url-error]'), /unknown key "taks" \(did you mean "tasks"\?\)/);
      assert.equal(await page.inputValue('[data-test=field-tasks]'), '20');
      await page.fill('[data-test=field-tasks]', 'abc');
      assert.match(await page.textContent('[data-test=error-tasks]'), /^"abc" is not accepted/);
      assert.ok(await page.isDisabled('[data-test=run]'));
      await page.fill('[data-test=field-tasks]', '3');
      assert.ok(!(await page.isDisabled('[data-test=run]')));
    },
  },
  {
    name: 'a run can be done with the keyboard alone',
    async run({ page, base }) {
      await openApp(page, `${base}/?tasks=3&sleep=100&clock=virtual&speed=instant`);
      for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.dataset.test === 'run')); i++) {
        await page.keyboard.press('Tab');
      }
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.test), 'run', 'Run is reachable with Tab');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-test=outcome][data-state=finished]');
      await page.keyboard.press('x');
      await page.waitForSelector('[data-test=outcome]:not([data-state=finished])');
      await page.locator('body').press('r');
      await page.waitForSelector('[data-test=outcome][data-state=finished]');
    },
  },
  {
    name: 'pointing at a lane or focusing it shows its details, also in a virtualised timeline',
    async run({ page, base }) {
      await openApp(page, `${base}/?pattern=gather&tasks=100&sleep=100&fail=3&clock=virtual&speed=instant`);
      await page.click('[data-test=run]');
      await page.waitForSelector('[data-test=outcome][data-state=finished]');
      const details = () => page.textContent('[data-test=lane-details]');
      // work(i)'s task is Task-{i+2}.
      await page.hover('[data-test=lane][data-task="Task-5"] .lane-name');
      assert.match(await details(), /^Task-5: ValueError: Task 3 failed at 0\.100 s/);
      await page.mouse.move(0, 0); // off the lanes, so that only the focus moves
      await page.focus('[data-test=lane][data-task="Task-7"]');
      assert.match(await details(), /^Task-7: done at 0\.100 s/);
      // A row scrolled into view is a new element: pointing at it works the same.
      await page.$eval('.lanes', (el) => { el.scrollTop = 60 * 26; });
      await page.hover('[data-test=lane][data-task="Task-72"] .lane-name');
      assert.match(await details(), /^Task-72: done/);
    },
  },
  {
    name: 'Pause stops time and Step goes one event at a time on the virtual clock',
    async run({ page, base }) {
      await openApp(page, `${base}/?pattern=gather&sleep=3000,1000,2000&clock=virtual&speed=1`);
      await page.click('[data-test=run]');
      await page.click('[data-test=pause]');
      await page.waitForSelector('[data-test=status]:text("paused")');
      const lines = () => page.$$eval('[data-test=console] > *', (els) => els.length);
      const before = await lines();
      await page.waitForTimeout(300);
      assert.equal(await lines(), before, 'nothing happens while paused');
      for (let i = 0; i < 60 && (await page.getAttribute('[data-test=outcome]', 'data-state')) !== 'finished'; i++) {
        await page.click('[data-test=step]');
        await page.waitForTimeout(20);
      }
      assert.equal(await page.getAttribute('[data-test=outcome]', 'data-state'), 'finished');
      assert.equal(await lines(), 4);
    },
  },
  {
    name: 'Reset during a run leaves nothing running',
    async run({ page, base }) {
      await openApp(page, `${base}/`);
      await page.click('[data-test=run]');
      await page.waitForTimeout(200);
      assert.equal((await stats(page)).liveDrivers, 1);
      await page.click('[data-test=reset]');
      await page.waitForTimeout(50);
      const after = await stats(page);
      assert.deepEqual([after.liveDrivers, after.liveTimers], [0, 0]);
      await page.waitForTimeout(1200);
      assert.equal(await page.$$eval('[data-test=console] > *', (els) => els.length), 0, 'no line printed after Reset');
      assert.notEqual(await page.getAttribute('[data-test=outcome]', 'data-state'), 'finished');
    },
  },
  {
    name: '200 Run/Reset cycles leave no driver, no timer and no memory growth',
    async run({ page, base }) {
      await openApp(page, `${base}/?tasks=50&clock=virtual&speed=1`);
      const cycle = async () => {
        await page.click('[data-test=run]');
        await page.waitForTimeout(2);
        await page.click('[data-test=reset]');
      };
      for (let i = 0; i < 20; i++) await cycle(); // warm up
      await page.waitForTimeout(100);
      const heap = () => page.evaluate(() => { window.gc?.(); return performance.memory?.usedJSHeapSize ?? 0; });
      const before = await stats(page);
      const heapBefore = await heap();
      for (let i = 0; i < 200; i++) await cycle();
      await page.waitForTimeout(200);
      const after = await stats(page);
      const heapAfter = await heap();
      console.log(`        200 cycles: drivers ${after.liveDrivers}, timers ${after.liveTimers}, ` +
        `wasm memory ${before.wasmBytes} -> ${after.wasmBytes} B, JS heap ${heapBefore} -> ${heapAfter} B`);
      assert.deepEqual([after.liveDrivers, after.liveTimers], [0, 0]);
      assert.ok(after.wasmBytes - before.wasmBytes <= 1 << 20, 'wasm memory grows by at most 1 MiB');
      assert.ok(heapAfter - heapBefore <= 1 << 20, 'the JS heap, after a collection, grows by at most 1 MiB');
    },
  },
];
