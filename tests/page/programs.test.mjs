// The page runs programs: a `#code=` link's program gives the outcome the CLI gives (the program
// outcome JSON of the contract), a syntax error is underlined with Run disabled, the code is edited
// with the keyboard alone, Share's `#z=` link round-trips, and every gallery example runs cleanly.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, watch } from './lib.mjs';

/** The CLI (the native build of the same crate), built once. */
function cli(repo) {
  execFileSync('cargo', ['build', '--quiet', '--bin', 'asyncio-playground'], { cwd: repo, stdio: 'inherit' });
  const bin = join(repo, 'target', 'debug', 'asyncio-playground');
  return (file) => JSON.parse(execFileSync(bin, ['run', file], { cwd: repo, stdio: ['ignore', 'pipe', 'ignore'] }).toString());
}

/** Opens `source` by a `#code=` link on the virtual clock and returns the outcome the page shows at once. */
async function outcomeOf(page, base, source, query = 'clock=virtual') {
  await page.goto('about:blank');
  await openApp(page, `${base}/?${query}#code=${encodeURIComponent(source)}`);
  await page.waitForSelector('[data-test=outcome][data-state=finished]', { timeout: 20000 });
  return JSON.parse(await page.getAttribute('[data-test=outcome]', 'data-json'));
}

const corpus = (repo) => join(repo, 'tests', 'programs', 'corpus');

export const tests = [
  {
    name: "corpus programs opened by #code= links give the CLI's outcome, also when Run plays them again",
    async run({ page, base, repo }) {
      const run = cli(repo);
      const files = readdirSync(corpus(repo)).filter((f) => f.endsWith('.py')).sort()
        // Every gallery program, the seeds, and every fifth other program of the corpus.
        .filter((f, i) => f.includes('gallery') || f.includes('seed') || i % 5 === 0);
      assert.ok(files.length >= 20, `${files.length} programs`);
      const problems = watch(page);
      for (const file of files) {
        const path = join(corpus(repo), file);
        // The page names the program `main.py`; the CLI, by its path (shown in reprs and tracebacks).
        const expected = JSON.parse(JSON.stringify(run(path)).split(path).join('main.py'));
        const shown = await outcomeOf(page, base, readFileSync(path, 'utf8'));
        assert.deepEqual(shown, expected, `${file}: the finished run shown at once`);
      }
      // Run plays it again (here on the virtual clock at speed 10): the same outcome.
      const file = files.find((f) => f.includes('gallery_gather'));
      await outcomeOf(page, base, readFileSync(join(corpus(repo), file), 'utf8'), 'clock=virtual&speed=10');
      await page.click('[data-test=run]');
      await page.waitForSelector('[data-test=outcome]:not([data-state=finished])');
      await page.waitForSelector('[data-test=outcome][data-state=finished]', { timeout: 20000 });
      assert.deepEqual(JSON.parse(await page.getAttribute('[data-test=outcome]', 'data-json')), run(join(corpus(repo), file)));
      assert.deepEqual(problems.errors, []);
    },
  },
  {
    name: 'the code view marks where tasks wait, lanes name their task and coroutine, and a raise is marked',
    async run({ page, base }) {
      const source = [
        'import asyncio', '', 'async def fetch(n):', '    await asyncio.sleep(n)', '    if n == 2:',
        '        raise ValueError("no")', '    return n', '', 'async def main():',
        '    return await asyncio.gather(fetch(1), fetch(2))', '', 'asyncio.run(main())', '',
      ].join('\n');
      await outcomeOf(page, base, source, 'clock=virtual&speed=0.1');
      assert.match(await page.textContent('[data-test=code] [data-line="6"] [data-test=mark-raised]'), /ValueError: no/);
      assert.ok(await page.$('[data-test=code] [data-line="4"] .tok-keyword'), 'await is highlighted as a keyword');
      const lanes = await page.$$eval('[data-test=lane]', (els) => els.map((e) => `${e.dataset.task}:${e.dataset.coro}:${e.dataset.state}`));
      assert.deepEqual(lanes, ['Task-2:fetch:done', 'Task-3:fetch:failed']);
      // Pointing at a lane marks its coroutine's lines (fetch: 3 to 7), and a line of main, main's lane.
      await page.hover('[data-test=lane][data-task="Task-2"] .lane-name');
      const pointed = await page.$$eval('[data-test=code] .line.pointed', (els) => els.map((e) => Number(e.dataset.line)));
      assert.deepEqual(pointed, [3, 4, 5, 6, 7]);
      await page.hover('[data-test=code] [data-line="10"] .src');
      await page.waitForSelector('[data-test=lane-main].pointed');
      assert.equal(await page.$$eval('[data-test=lane].pointed', (els) => els.length), 0);
      // Live at a tenth of the speed: at some moment both tasks sleep on line 4.
      await page.click('[data-test=run]');
      await page.waitForSelector('[data-test=code] [data-line="4"] [data-test=mark]');
      assert.match(await page.textContent('[data-test=code] [data-line="4"] [data-test=mark]'), /Task-2 ‖ sleeping/);
    },
  },
  {
    name: 'a syntax error is underlined at its span with its message, and Run is disabled',
    async run({ page, base }) {
      await openApp(page, `${base}/#code=${encodeURIComponent('import asyncio\n\nasync def main(:\n    pass\n')}`);
      assert.equal(await page.$eval('[data-test=run]', (b) => b.disabled), true);
      assert.ok(await page.$('[data-test=code] [data-line="3"] .squiggle'), 'the error is underlined');
      assert.match(await page.textContent('[data-test=code-error]'), /invalid syntax/);
      assert.match(await page.textContent('[data-test=why-not]'), /Line 3/);
    },
  },
  {
    name: 'the code is edited with the keyboard alone: an error disables Run, fixing it runs the new program',
    async run({ page, base }) {
      const problems = watch(page);
      const fetched = [];
      page.on('request', (r) => fetched.push(r.url()));
      await openApp(page, `${base}/?clock=virtual&speed=instant`);
      await page.waitForSelector('[data-test=outcome][data-state=finished]');
      assert.ok(!fetched.some((u) => u.endsWith('/editor.js')), 'the editor is not fetched before editing starts');
      await page.focus('[data-test=edit-code]');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.cm-content[data-test=editor]');
      assert.ok(fetched.some((u) => u.endsWith('/www/pkg/editor.js')), 'editing fetched the editor chunk');
      // The editor has the focus: select all, type a program (Tab indents), break it, mend it.
      await page.keyboard.press('Control+a');
      await page.keyboard.type('import asyncio\n\nasync def main():\n');
      // The editor indents the body; Shift+Tab and Tab move it out and back in.
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.type('print("edited"');
      // The page may still be catching up with the keys: wait for the last one's state.
      await page.waitForFunction(() => /was never closed/.test(document.querySelector('[data-test=syntax-error]')?.textContent));
      assert.equal(await page.$eval('[data-test=run]', (b) => b.disabled), true);
      assert.ok(await page.$('.cm-lintRange-error'), 'the error is underlined in the editor');
      await page.keyboard.type(')');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.type('asyncio.run(main())');
      await page.waitForFunction(() => !document.querySelector('[data-test=run]').disabled);
      assert.ok(await page.$('[data-test=form-stale]'), 'the form says it no longer describes the code');
      assert.match(await page.evaluate(() => decodeURIComponent(location.hash)), /print\("edited"\)/);
      await page.keyboard.press('Control+Enter');
      await page.waitForSelector('[data-test=outcome][data-state=finished]');
      const outcome = JSON.parse(await page.getAttribute('[data-test=outcome]', 'data-json'));
      assert.deepEqual(outcome.stdout, ['edited']);
      // Undo works (Ctrl+Z takes back the last line), and the form can write its program again.
      await page.focus('.cm-content');
      await page.keyboard.press('Control+z');
      await page.waitForFunction(() => !decodeURIComponent(location.hash).includes('asyncio.run(main())'));
      await page.click('[data-test=rewrite]');
      assert.equal(await page.$('[data-test=form-stale]'), null);
      assert.deepEqual(problems.errors, []);
    },
  },
  {
    name: "Share's #z= link carries the program and gives the same outcome",
    async run({ page, context, base }) {
      const source = 'import asyncio\n\nasync def main():\n    await asyncio.sleep(0.25)\n    print("shared ✓")\n\nasyncio.run(main())\n';
      const first = await outcomeOf(page, base, source);
      await page.click('[data-test=share] summary');
      await page.waitForFunction(() => document.querySelector('[data-test=share-link]').value.includes('#z='));
      const link = await page.inputValue('[data-test=share-link]');
      assert.ok(link.length < `${base}/#code=${encodeURIComponent(source)}`.length + 20, link);
      const other = await context.newPage();
      await openApp(other, link);
      await other.waitForSelector('[data-test=outcome][data-state=finished]');
      assert.deepEqual(JSON.parse(await other.getAttribute('[data-test=outcome]', 'data-json')), first);
      assert.match(await other.textContent('[data-test=code]'), /shared ✓/);
      // A new link in the address bar (only its fragment changes) opens its program.
      await other.evaluate(() => { location.hash = `code=${encodeURIComponent('print("by hash")\n')}`; });
      await other.waitForFunction(() => document.querySelector('[data-test=code]').textContent.includes('by hash'));
      await other.waitForSelector('[data-test=outcome][data-state=finished]');
      assert.deepEqual(JSON.parse(await other.getAttribute('[data-test=outcome]', 'data-json')).stdout, ['by hash']);
      // A broken #z= says so, and the page still works.
      await other.goto('about:blank');
      await openApp(other, `${base}/#z=@@@`);
      assert.match(await other.textContent('[data-test=url-error]'), /#z=/);
    },
  },
  {
    name: 'every gallery example opens with its finished run and no console error',
    async run({ page, base }) {
      const problems = watch(page);
      await openApp(page, `${base}/`);
      await page.click('[data-test=gallery] summary');
      const names = await page.$$eval('[data-test=example]', (els) => els.map((e) => e.dataset.name));
      assert.ok(names.length >= 24, `${names.length} examples`);
      for (const name of names) {
        await page.click(`[data-test=example][data-name="${name}"]`);
        await page.waitForSelector('[data-test=outcome][data-state=finished]', { timeout: 20000 });
        assert.ok((await page.textContent('[data-test=example-about]')).length > 40, name);
      }
      assert.deepEqual(problems.errors, []);
    },
  },
];

tests.push({
  name: "the Compare view runs the form's tasks under the four ways, each outcome the CLI's, and says when equal sleeps hide the differences",
  async run({ page, base, repo }) {
    const problems = watch(page);
    execFileSync('cargo', ['build', '--quiet', '--bin', 'asyncio-playground'], { cwd: repo, stdio: 'inherit' });
    const bin = join(repo, 'target', 'debug', 'asyncio-playground');
    const spec = 'tasks=3&sleep=1000,2000,3000&fail=0&cancel=2@2500';
    await openApp(page, `${base}/?pattern=gather&${spec}`);
    await page.click('[data-test=compare-open]');
    await page.waitForSelector('[data-test=compare-way]');
    const ways = await page.$$eval('[data-test=compare-way]', (els) => els.map((e) => [e.dataset.pattern, e.dataset.json]));
    assert.deepEqual(ways.map(([p]) => p), ['manual', 'taskgroup', 'wait', 'gather']);
    for (const [pattern, json] of ways) {
      const expected = JSON.parse(execFileSync(bin, ['run', `pattern=${pattern}&${spec}`], { cwd: repo, stdio: ['ignore', 'pipe', 'ignore'] }).toString());
      assert.deepEqual(JSON.parse(json), expected, pattern);
    }
    assert.match(await page.textContent('[data-test=compare-parts]'), /agree until 1\.000 s/);
    assert.match(await page.textContent('[data-test=compare-way][data-pattern=taskgroup]'), /cancelled by TaskGroup after Task-2 failed/);
    // Equal sleeps: every task ends in one pass; the page says so and offers staggered sleeps.
    await page.fill('[data-test=field-sleep]', '1000');
    await page.waitForSelector('[data-test=compare-hidden]');
    await page.click('[data-test=stagger]');
    await page.waitForSelector('[data-test=compare-hidden]', { state: 'detached' });
    assert.match(await page.textContent('[data-test=compare-way][data-pattern=taskgroup]'), /cancelled by TaskGroup/);
    await page.click('[data-test=compare-close]');
    await page.waitForSelector('[data-test=timeline]');
    assert.deepEqual(problems.errors, []);
  },
});
