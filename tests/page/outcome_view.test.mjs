// The outcome reads as Python: gather's results are the list Python would print, folded when long.
import assert from 'node:assert/strict';
import { openApp } from './lib.mjs';

/** The list as Python prints it, from the outcome JSON's results. */
const pythonList = (results) => `[${results.map((r) => (typeof r === 'number' ? String(r) : `${r.type}('${r.message}')`)).join(', ')}]`;

async function finish(page, url) {
  await openApp(page, url);
  await page.click('[data-test=run]');
  await page.waitForSelector('[data-test=outcome][data-state=finished]');
  return JSON.parse(await page.getAttribute('[data-test=outcome]', 'data-json'));
}

export const tests = [
  {
    name: "gather's results read as Python's list: [0, 1, 2], [] for none, exceptions as their repr, folded when long",
    async run({ page, base }) {
      for (const spec of ['pattern=gather&tasks=5&sleep=100', 'pattern=gather&tasks=0',
        'pattern=gather&sleep=300,100,200&fail=1&return_exceptions=1']) {
        const outcome = await finish(page, `${base}/?${spec}&clock=virtual&speed=instant`);
        const shown = await page.textContent('[data-test=results]');
        assert.equal(shown, pythonList(outcome.returned.results), spec);
      }
      const outcome = await finish(page, `${base}/?pattern=gather&tasks=50&sleep=100&clock=virtual&speed=instant`);
      const shown = await page.textContent('[data-test=results]');
      assert.equal(shown, `${pythonList(outcome.returned.results.slice(0, 20)).slice(0, -1)}, …]`);
      assert.match(await page.textContent('.outcome details.more summary'), /all 50 items/);
    },
  },
];

tests.push({
  name: 'the console follows its newest line while a run goes, unless the learner scrolled up',
  async run({ page, base }) {
    await openApp(page, `${base}/?pattern=gather&tasks=40&sleep=10&clock=virtual&speed=instant`);
    await page.click('[data-test=run]');
    await page.waitForSelector('[data-test=outcome][data-state=finished]');
    const atBottom = () => page.$eval('[data-test=console]', (el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 4);
    const overflows = await page.$eval('[data-test=console]', (el) => el.scrollHeight > el.clientHeight);
    assert.ok(overflows, 'the run prints more than the console shows');
    assert.ok(await atBottom(), '"Done." is in view');
    // Scrolled up during a run, the view stays where the learner put it.
    await openApp(page, `${base}/?pattern=sequential&tasks=40&sleep=40&clock=virtual&speed=1`);
    await page.click('[data-test=run]');
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-test=console]');
      return el && el.scrollHeight > el.clientHeight + 40;
    });
    await page.$eval('[data-test=console]', (el) => { el.scrollTop = 0; });
    await page.waitForSelector('[data-test=outcome][data-state=finished]', { timeout: 10000 });
    assert.equal(await page.$eval('[data-test=console]', (el) => el.scrollTop), 0, 'the learner keeps their place');
  },
});

tests.push({
  name: 'the outcome of 10,000 tasks is a summary by fate with the lists folded, not a page of names',
  async run({ page, base }) {
    await finish(page, `${base}/?pattern=wait&tasks=10000&sleep=10&clock=virtual&speed=instant`);
    assert.match(await page.textContent('[data-test=fates]'), /^10000 tasks: 10000 done$/);
    const height = await page.$eval('[data-test=outcome]', (el) => el.getBoundingClientRect().height);
    assert.ok(height < 600, `the outcome panel is ${height} px tall`);
    const outcome = await finish(page, `${base}/?pattern=taskgroup&sleep=3000,1000,2000&fail=1&clock=virtual&speed=instant`);
    const counts = ['done', 'failed', 'cancelled'].map((s) => [s, outcome.tasks.filter((t) => t.state === s).length]).filter(([, n]) => n > 0);
    assert.equal(await page.textContent('[data-test=fates]'), `3 tasks: ${counts.map(([s, n]) => `${n} ${s}`).join(', ')}`);
  },
});

tests.push({
  name: "an exception nobody retrieved is printed as CPython prints it and called out, and wait's done set marks the failed task",
  async run({ page, base }) {
    await finish(page, `${base}/?pattern=wait&tasks=3&sleep=300,100,200&fail=1&clock=virtual&speed=instant`);
    assert.match(await page.textContent('[data-test=traceback]'), /Task exception was never retrieved[\s\S]*ValueError: Task 1 failed/);
    assert.match(await page.textContent('[data-test=outcome]'), /done = \{work\(0\), work\(1\) ✕ ValueError, work\(2\)\}/);
    assert.match(await page.textContent('[data-test=unretrieved]'), /Task-3[\s\S]*task\.result\(\)/);
    // create_task + await each: main stops at task 0's error; task 1's is lost.
    await finish(page, `${base}/?pattern=manual&tasks=3&sleep=300,100,200&fail=0,1&clock=virtual&speed=instant`);
    assert.match(await page.textContent('[data-test=traceback]'), /Task exception was never retrieved[\s\S]*ValueError: Task 1 failed/);
    assert.match(await page.textContent('[data-test=unretrieved]'), /Task-3/);
  },
});
