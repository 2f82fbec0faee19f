// Time travel and the loop inspector: scrubbing a finished corpus run puts every lane in its
// state at that time (agreeing with the outcome's times), the passes list is the CLI's `passes`,
// and the keys step by event and by pass.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, watch } from './lib.mjs';

const corpus = (repo, f) => join(repo, 'tests', 'programs', 'corpus', f);

function cli(repo, command, file) {
  execFileSync('cargo', ['build', '--quiet', '--bin', 'asyncio-playground'], { cwd: repo, stdio: 'inherit' });
  const out = execFileSync(join(repo, 'target', 'debug', 'asyncio-playground'), [command, file], { cwd: repo, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  return command === 'run' ? JSON.parse(out) : out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

/** The state a task of the outcome JSON had at `t` ms. */
const stateAt = (task, t) => (task.created_ms > t ? 'not_created' : task.end_ms !== null && task.end_ms <= t ? task.state : 'pending');

async function scrubTo(page, ms) {
  await page.$eval('[data-test=scrubber]', (el, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, ms);
  await page.waitForFunction((v) => document.querySelector('[data-test=scrubber]').value === String(v), ms);
}

export const tests = [
  {
    name: 'scrubbing a finished corpus run gives each lane the state the outcome says it had then',
    async run({ page, base, repo }) {
      const problems = watch(page);
      for (const file of ['146_gallery_semaphore.py', '145_gallery_taskgroup_failure.py', '142_gallery_wait_for.py', '001_seed_create_task.py']) {
        const outcome = cli(repo, 'run', corpus(repo, file));
        await page.goto('about:blank');
        await openApp(page, `${base}/?clock=virtual#code=${encodeURIComponent(readFileSync(corpus(repo, file), 'utf8'))}`);
        await page.waitForSelector('[data-test=outcome][data-state=finished]');
        const end = Number(await page.getAttribute('[data-test=scrubber]', 'max'));
        const times = [0, ...outcome.tasks.flatMap((t) => [t.created_ms, t.end_ms]).filter((t) => t !== null), Math.floor(end / 3), end];
        for (const t of [...new Set(times)].sort((a, b) => a - b)) {
          await scrubTo(page, t);
          const shown = await page.$$eval('[data-test=lane]', (els) => Object.fromEntries(els.map((e) => [e.dataset.task, e.dataset.stateAt])));
          const expected = Object.fromEntries(outcome.tasks.map((task) => [task.name, stateAt(task, t)]));
          assert.deepEqual(shown, expected, `${file} at ${t} ms`);
        }
      }
      assert.deepEqual(problems.errors, []);
    },
  },
  {
    name: "the passes list is the CLI's passes, and a click moves the cursor to that pass",
    async run({ page, base, repo }) {
      const file = corpus(repo, '146_gallery_semaphore.py');
      const passes = cli(repo, 'passes', file);
      await openApp(page, `${base}/?clock=virtual#code=${encodeURIComponent(readFileSync(file, 'utf8'))}`);
      await page.waitForSelector('[data-test=outcome][data-state=finished]');
      const shown = await page.$$eval('[data-test=pass]', (els) => els.map((e) => ({ ms: Number(e.dataset.ms), steps: e.dataset.steps.split(',') })));
      assert.deepEqual(shown, passes.map((p) => ({ ms: p.ms, steps: p.steps })));
      await page.click('[data-test=pass] >> nth=2');
      assert.match(await page.textContent('[data-test=inspector-pass]'), new RegExp(`^Pass ${passes[2].pass} at`));
      assert.equal(Number(await page.$eval('[data-test=scrubber]', (e) => e.value)), passes[2].ms);
      assert.equal(await page.$$eval('[data-test=ready] li', (els) => els.length), passes[2].steps.length);
      // Filtered by a task: only its passes.
      await page.fill('[data-test=pass-filter]', 'Task-3');
      const filtered = await page.$$eval('[data-test=pass]', (els) => els.map((e) => e.dataset.steps));
      assert.deepEqual(filtered, passes.filter((p) => p.steps.includes('Task-3')).map((p) => p.steps.join(',')));
    },
  },
  {
    name: 'the keys step by event and by pass, Home and End jump, and each moment is said in words',
    async run({ page, base }) {
      await openApp(page, `${base}/?pattern=taskgroup&tasks=3&sleep=300,100,200&fail=1&clock=virtual`);
      await page.waitForSelector('[data-test=outcome][data-state=finished]');
      await page.focus('[data-test=scrubber]');
      await page.keyboard.press('Home');
      const states = () => page.$$eval('[data-test=lane], [data-test=lane-main]', (els) => els.map((e) => e.dataset.stateAt));
      assert.deepEqual(await states(), ['not_created', 'not_created', 'not_created', 'not_created']);
      await page.keyboard.press('Shift+ArrowRight');
      assert.match(await page.getAttribute('[data-test=scrubber]', 'aria-valuetext'), /pass 1: Task-1 steps \(just created/);
      assert.match(await page.textContent('[data-test=live]'), /pass 1/);
      await page.keyboard.press('Shift+ArrowRight');
      assert.match(await page.getAttribute('[data-test=scrubber]', 'aria-valuetext'), /pass 2: Task-2 steps/);
      const before = await page.$eval('[data-test=scrubber]', (e) => e.getAttribute('aria-valuetext'));
      await page.keyboard.press('ArrowLeft');
      assert.notEqual(await page.$eval('[data-test=scrubber]', (e) => e.getAttribute('aria-valuetext')), before);
      await page.keyboard.press('End');
      assert.deepEqual(await states(), ['failed', 'cancelled', 'failed', 'cancelled']);
      await page.click('[data-test=back-pass]');
      assert.match(await page.textContent('[data-test=at-moment]'), /At this moment:/);
    },
  },
];

tests.push({
  name: 'stepping back then forward returns the same page, by event and by pass, and the passes list works by keyboard',
  async run({ page, base }) {
    await openApp(page, `${base}/?pattern=taskgroup&tasks=5&sleep=3000,1000,2000,2500,1500&fail=1&clock=virtual`);
    await page.waitForSelector('[data-test=outcome][data-state=finished]');
    const snapshot = () => page.evaluate(() => ({
      lanes: [...document.querySelectorAll('[data-test=lane], [data-test=lane-main]')].map((e) => e.dataset.stateAt),
      console: document.querySelector('[data-test=console]').textContent,
      moment: document.querySelector('[data-test=moment]').textContent,
      counts: document.querySelector('[data-test=at-moment]').textContent,
      pass: document.querySelector('[data-test=inspector-pass]')?.textContent,
      ready: document.querySelector('[data-test=ready]')?.textContent,
      timers: document.querySelector('[data-test=timers]').textContent,
      marks: [...document.querySelectorAll('[data-test=code] [data-test=mark]')].map((e) => e.textContent),
    }));
    await page.focus('[data-test=scrubber]');
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
    const at = await snapshot();
    assert.match(at.pass, /^Pass \d+ at/);
    assert.ok(at.marks.length > 0, 'the code shows where the tasks wait at that moment');
    await page.keyboard.press('ArrowLeft');
    assert.notDeepEqual(await snapshot(), at, 'one event back is another moment');
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await snapshot(), at, 'back then forward by event');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowRight');
    assert.deepEqual(await snapshot(), at, 'back then forward by pass');
    // The passes list by keyboard: Tab to a pass, Enter moves the cursor there.
    await page.focus('[data-test=pass-filter]');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.match(await page.textContent('[data-test=inspector-pass]'), /^Pass 1 at 0\.000 s/);
    assert.deepEqual(await page.$$eval('[data-test=lane], [data-test=lane-main]', (els) => els.map((e) => e.dataset.stateAt)),
      // main's first step made the five tasks: all are created, none has run.
      ['pending', 'pending', 'pending', 'pending', 'pending', 'pending']);
  },
});

tests.push({
  name: "stepping by pass shows the program's plain callbacks in the pass they ran in, as the CLI's trace has them",
  async run({ page, base, repo }) {
    const file = corpus(repo, '150_gallery_call_later.py');
    // The trace's callbacks: pass, what scheduled them, and where.
    const expected = cli(repo, 'trace', file).filter((e) => e.event === 'callback').map((e) => `${e.pass} ${e.by} ${e.line}`);
    assert.ok(expected.length >= 3);
    await openApp(page, `${base}/?clock=virtual#code=${encodeURIComponent(readFileSync(file, 'utf8'))}`);
    await page.waitForSelector('[data-test=outcome][data-state=finished]');
    await page.focus('[data-test=scrubber]');
    await page.keyboard.press('Home');
    const seen = [];
    for (let i = 0; i < 20 && !(await page.$eval('[data-test=scrubber]', (e) => e.value === e.max)); i++) {
      await page.keyboard.press('Shift+ArrowRight');
      const pass = (await page.textContent('[data-test=inspector-pass]')).match(/^Pass (\d+)/)[1];
      for (const text of await page.$$eval('[data-test=ready-callback]', (els) => els.map((e) => e.textContent))) {
        const [, by, line] = text.match(/^(\w+)'s callback \(scheduled at line (\d+)\)/);
        seen.push(`${pass} ${by} ${line}`);
      }
    }
    assert.deepEqual(seen, expected);
  },
});

tests.push({
  name: 'in a pass with a blocking call the inspector names the task that blocked the loop, for how long, and the tasks behind it',
  async run({ page, base, repo }) {
    const file = corpus(repo, '151_gallery_blocking_sleep.py');
    const blocked = cli(repo, 'trace', file).filter((e) => e.event === 'blocked');
    assert.ok(blocked.length >= 1);
    const expected = blocked.map((e) => `${e.task} blocked the loop for ${Math.round(e.us / 1000)} ms at line ${e.line}`);
    await openApp(page, `${base}/?clock=virtual#code=${encodeURIComponent(readFileSync(file, 'utf8'))}`);
    await page.waitForSelector('[data-test=outcome][data-state=finished]');
    await page.focus('[data-test=scrubber]');
    await page.keyboard.press('Home');
    const seen = new Set();
    for (let i = 0; i < 40 && !(await page.$eval('[data-test=scrubber]', (e) => e.value === e.max)); i++) {
      await page.keyboard.press('Shift+ArrowRight');
      for (const text of await page.$$eval('[data-test=inspector-blocked]', (els) => els.map((e) => e.textContent))) {
        assert.match(text, /nothing else could run\. (Blocked behind it \(\d+\): Task-\d+|No other task was pending)/);
        seen.add(text.split(':')[0]);
      }
    }
    assert.deepEqual([...seen], [...new Set(expected)]);
  },
});
