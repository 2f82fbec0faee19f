// Embedding: a host page on another origin uses www/embed.js; the message API's checks; the dist
// build from a subpath and as one file from disk; the tutorial.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openApp, startServer, watch } from './lib.mjs';

const VIRTUAL = '&clock=virtual&speed=instant';

function cli(repo, spec) {
  return JSON.parse(execFileSync(join(repo, 'target', 'debug', 'asyncio-playground'), ['run', spec], { encoding: 'utf8' }));
}

/** Serves a host page (on its own port, so its own origin) whose body is `body`. */
async function host(base, body) {
  const dir = await mkdtemp(join(tmpdir(), 'host-'));
  await writeFile(join(dir, 'index.html'), `<!doctype html><html><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,"></head><body>
<script>
  window.events = [];
  for (const type of ['asyncio-playground:ready', 'asyncio-playground:outcome', 'asyncio-playground:error'])
    document.addEventListener(type, (e) => events.push({ type, spec: e.target.getAttribute('spec'), detail: e.detail ?? null }));
</script>
${body}
<script type="module" src="${base}/www/embed.js"></script></body></html>`);
  const server = await startServer(dir);
  return { url: `${server.url}/index.html`, async stop() { server.stop(); await rm(dir, { recursive: true }); } };
}

const events = (page, type) => page.evaluate((t) => events.filter((e) => e.type === t), type);
async function waitEvents(page, type, n) {
  await page.waitForFunction(([t, n]) => events.filter((e) => e.type === t).length >= n, [type, n], { timeout: 15000 });
  return events(page, type);
}
const playgroundFrames = (page) => page.frames().filter((f) => f.url().includes('embed=1'));

export const tests = [
  {
    name: 'two playgrounds embedded on another origin get ready, size to their content, and report outcomes equal to the CLI',
    async run({ page, base, repo }) {
      const a = 'pattern=taskgroup&tasks=4&sleep=3000,1000,2000,4000&fail=1';
      const b = 'pattern=gather&tasks=3&sleep=300,100,200&cancel=1@50&return_exceptions=1';
      const h = await host(base, `<asyncio-playground id="a" spec="${a}${VIRTUAL}"></asyncio-playground>
        <div id="b" data-asyncio-playground="${b}${VIRTUAL}"></div>`);
      try {
        const problems = watch(page);
        await page.goto(h.url);
        await waitEvents(page, 'asyncio-playground:ready', 2);
        await page.waitForFunction(() => [...document.querySelectorAll('asyncio-playground')].every(
          (el) => parseInt(el.shadowRoot.querySelector('iframe').style.height) !== 360));
        for (const frame of playgroundFrames(page)) {
          const content = await frame.evaluate(() => document.querySelector('[data-test=app]').offsetHeight);
          const el = await frame.frameElement();
          const box = await el.boundingBox();
          assert.ok(Math.abs(box.height - content) <= 2, `frame ${box.height}px tall for ${content}px of content`);
        }
        await page.evaluate(() => { document.querySelector('#a').run(); document.querySelector('#b').playground.run(); });
        const outcomes = await waitEvents(page, 'asyncio-playground:outcome', 2);
        const bySpec = Object.fromEntries(outcomes.map((e) => [e.spec.replace(VIRTUAL, ''), e.detail]));
        assert.deepEqual(bySpec[a], cli(repo, a));
        assert.deepEqual(bySpec[b], cli(repo, b));
        assert.deepEqual(problems.errors, []);
      } finally {
        await h.stop();
      }
    },
  },
  {
    name: 'messages from another window, from a wrong origin, or malformed change nothing',
    async run({ page, base }) {
      const spec = `pattern=gather&tasks=3&sleep=100${VIRTUAL}`;
      const h = await host(base, `<asyncio-playground id="open" spec="${spec}"></asyncio-playground>
        <asyncio-playground id="strict" spec="${spec}&origin=http%3A%2F%2Fexample.org"></asyncio-playground>
        <iframe id="other" src="about:blank"></iframe>`);
      try {
        await page.goto(h.url);
        await waitEvents(page, 'asyncio-playground:ready', 2);
        await page.evaluate(() => {
          const frame = (id) => document.getElementById(id).shadowRoot.querySelector('iframe').contentWindow;
          // From a sibling window, not the parent:
          document.getElementById('other').contentWindow.eval(
            `parent.document.getElementById('open').shadowRoot.querySelector('iframe').contentWindow
               .postMessage({ type: 'asyncio-playground:run' }, '*')`);
          // From the parent, but not from the origin= the strict frame accepts:
          frame('strict').postMessage({ type: 'asyncio-playground:run' }, '*');
          // Malformed, from the parent:
          for (const m of ['run', null, 42, { type: 42 }, { type: 'asyncio-playground:bogus' }, { type: 'asyncio-playground:set-spec' }])
            frame('open').postMessage(m, '*');
        });
        await page.waitForTimeout(400);
        for (const frame of playgroundFrames(page)) {
          const stats = await frame.evaluate(async () => (await import('./www/pkg/asyncio_playground.js')).debug_stats());
          const strict = frame.url().includes('example.org');
          assert.equal(stats.ignoredMessages, strict ? 1 : 7, `${strict ? 'strict' : 'open'} frame counted what it ignored`);
          assert.equal(await frame.textContent('[data-test=status]'), 'ready', 'no run started');
        }
        assert.equal((await events(page, 'asyncio-playground:outcome')).length, 0);
        await page.evaluate(() => document.getElementById('open').run());
        await waitEvents(page, 'asyncio-playground:outcome', 1);
      } finally {
        await h.stop();
      }
    },
  },
  {
    name: 'a playground scrolled out of view on another origin (its frame draws nothing) still runs to its outcome',
    async run({ page, base, repo }) {
      const spec = 'pattern=gather&tasks=3&sleep=300,100,200&fail=1';
      const h = await host(base, `<asyncio-playground id="far" spec="${spec}${VIRTUAL}"></asyncio-playground><div style="height:5000px"></div>`);
      try {
        await page.goto(h.url);
        await waitEvents(page, 'asyncio-playground:ready', 1);
        await page.evaluate(() => window.scrollTo(0, 4000));
        const [frame] = playgroundFrames(page);
        // The premise: once the browser has noticed the scroll (a frame or two later), it runs no
        // animation frames in this frame.
        const framesIn300ms = () => frame.evaluate(() => new Promise((done) => {
          let frames = 0;
          requestAnimationFrame(() => frames++);
          setTimeout(() => done(frames), 300);
        }));
        let drew = await framesIn300ms();
        for (let i = 0; i < 10 && drew > 0; i++) drew = await framesIn300ms();
        assert.equal(drew, 0, 'the out-of-view frame still runs animation frames');
        await page.evaluate(() => document.getElementById('far').run());
        const [outcome] = await waitEvents(page, 'asyncio-playground:outcome', 1);
        assert.deepEqual(outcome.detail, cli(repo, spec));
      } finally {
        await h.stop();
      }
    },
  },
  {
    name: 'dist/ works served from a subpath, and dist/asyncio-playground.html works from file://',
    async run({ page, repo }) {
      const dir = await mkdtemp(join(tmpdir(), 'dist-'));
      await symlink(join(repo, 'dist'), join(dir, 'docs'));
      const server = await startServer(dir);
      try {
        const problems = watch(page);
        await openApp(page, `${server.url}/docs/index.html?pattern=wait&tasks=2&sleep=20${VIRTUAL}`);
        await page.click('[data-test=run]');
        await page.waitForSelector('[data-test=outcome][data-state=finished]');
        await page.goto(`${server.url}/docs/www/tutorial.html`);
        const first = await page.waitForSelector('asyncio-playground');
        const frame = await (await first.evaluateHandle((el) => el.shadowRoot.querySelector('iframe'))).asElement().contentFrame();
        await frame.waitForSelector('[data-test=app][data-ready="1"]', { timeout: 15000 });
        const file = pathToFileURL(join(repo, 'dist', 'asyncio-playground.html')).href;
        await openApp(page, `${file}?pattern=taskgroup&tasks=3&fail=1${VIRTUAL}`);
        await page.click('[data-test=run]');
        await page.waitForSelector('[data-test=outcome][data-state=finished]');
        const json = JSON.parse(await page.getAttribute('[data-test=outcome]', 'data-json'));
        assert.equal(json.main.error.type, 'ExceptionGroup');
        assert.deepEqual(problems.errors, []);
      } finally {
        server.stop();
        await rm(dir, { recursive: true });
      }
    },
  },
  {
    name: 'the tutorial renders all its playgrounds without console errors',
    async run({ page, base }) {
      const problems = watch(page);
      await page.setViewportSize({ width: 1100, height: 900 });
      await page.addInitScript(() => {
        window.readyCount = 0;
        document.addEventListener('asyncio-playground:ready', () => window.readyCount++);
      });
      await page.goto(`${base}/www/tutorial.html`);

      // The frames load lazily: scroll through the article.
      for (let y = 0; y < 12; y++) {
        await page.mouse.wheel(0, 900);
        await page.waitForTimeout(150);
      }
      const count = await page.$$eval('asyncio-playground', (els) => els.length);
      assert.equal(count, 10);
      await page.waitForFunction((n) => window.readyCount >= n, count, { timeout: 15000 });

      const ready = await Promise.all(playgroundFrames(page).map((f) => f.waitForSelector('[data-test=app][data-ready="1"]', { timeout: 15000 }).then(() => 1)));
      assert.equal(ready.length, count, 'every playground frame mounted');
      assert.deepEqual(problems.errors, []);
      assert.deepEqual(problems.failed, []);
    },
  },
  {
    name: 'an embed with an unknown key or an invalid spec stays an embed, shows the error, reports it, and answers run() with it',
    async run({ page, base }) {
      const h = await host(base, `<asyncio-playground id="typo" spec="pattern=gather&taks=3${VIRTUAL}&theme=dark"></asyncio-playground>
        <asyncio-playground id="bad" spec="pattern=gather&tasks=-1${VIRTUAL}"></asyncio-playground>
        <asyncio-playground id="odd" spec="pattern=gather&tasks=2${VIRTUAL}" colour="red"></asyncio-playground>`);
      try {
        const warnings = [];
        page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
        await page.goto(h.url);
        await waitEvents(page, 'asyncio-playground:ready', 3);
        const all = await waitEvents(page, 'asyncio-playground:error', 3);
        // The unknown attribute is an error event too (the embed still works).
        assert.ok(all.some((e) => e.spec.includes('tasks=2') && e.detail.includes('unknown attribute "colour"')), JSON.stringify(all));
        const errors = all.filter((e) => !e.detail.includes('unknown attribute'));
        assert.deepEqual(errors.map((e) => e.spec.split('&')[1]).sort(), ['taks=3', 'tasks=-1']);
        assert.ok(errors.every((e) => typeof e.detail === 'string' && e.detail.length > 10), JSON.stringify(errors));
        const frameOf = async (id) => (await page.evaluateHandle((i) => document.getElementById(i).shadowRoot.querySelector('iframe'), id)).asElement().contentFrame();
        for (const id of ['typo', 'bad']) {
          const frame = await frameOf(id);
          assert.equal(await frame.getAttribute('[data-test=app]', 'class'), 'app embed', `${id}: still an embed`);
          assert.match(await frame.textContent('[data-test=url-error]'), /invalid/);
        }
        const typoFrame = await frameOf('typo');
        assert.equal(await typoFrame.evaluate(() => document.documentElement.dataset.theme || getComputedStyle(document.documentElement).colorScheme), 'dark', 'its theme kept');
        const answer = await page.evaluate(() => document.getElementById('typo').run().then(() => 'ran', (e) => `rejected: ${e.message}`));
        assert.match(answer, /^rejected: .*taks/);
        assert.ok(warnings.some((w) => w.includes('unknown attribute "colour"')), JSON.stringify(warnings));
        const display = await page.evaluate(() => getComputedStyle(document.getElementById('odd')).display);
        assert.equal(display, 'block');
        const title = await page.evaluate(() => document.getElementById('odd').shadowRoot.querySelector('iframe').title);
        assert.equal(title, 'asyncio playground: gather of 2 tasks');
      } finally {
        await h.stop();
      }
    },
  },
  {
    name: 'setSpec applies the view keys it gives and rejects an invalid spec',
    async run({ page, base, repo }) {
      const h = await host(base, '<asyncio-playground id="p" spec="pattern=gather&tasks=3&sleep=5000"></asyncio-playground>');
      try {
        await page.goto(h.url);
        await waitEvents(page, 'asyncio-playground:ready', 1);
        const rejected = await page.evaluate(() => document.getElementById('p').setSpec('pattern=gather&tasks=nope').then(() => 'set', (e) => e.message));
        assert.match(rejected, /tasks/);
        const spec = 'pattern=gather&tasks=3&sleep=3000,1000,2000';
        await page.evaluate((s) => document.getElementById('p').setSpec(s), `${spec}${VIRTUAL}`);
        const started = Date.now();
        const outcome = await page.evaluate(() => document.getElementById('p').run());
        assert.ok(Date.now() - started < 2000, 'virtual and instant: no 3 s wait on the real clock');
        assert.deepEqual(outcome, cli(repo, spec));
      } finally {
        await h.stop();
      }
    },
  },
  {
    name: "an embed's theme follows the host: light on a white page for a reader in dark mode, dark when the host turns dark, without a reload",
    async run({ page, base }) {
      await page.emulateMedia({ colorScheme: 'dark' });
      const h = await host(base, `<asyncio-playground id="p" spec="pattern=gather&tasks=2&sleep=100${VIRTUAL}"></asyncio-playground>`);
      try {
        await page.goto(h.url);
        await waitEvents(page, 'asyncio-playground:ready', 1);
        const frame = await (await page.evaluateHandle(() => document.getElementById('p').shadowRoot.querySelector('iframe'))).asElement().contentFrame();
        const theme = () => frame.evaluate(() => document.documentElement.dataset.theme || 'auto');
        assert.equal(await theme(), 'light', 'a white page with no color-scheme gets a light embed');
        await page.evaluate(() => document.getElementById('p').run());
        await page.evaluate(() => { document.documentElement.style.colorScheme = 'dark'; document.body.style.background = '#111'; });
        await frame.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
        assert.equal(await frame.getAttribute('[data-test=outcome]', 'data-state'), 'finished', 'the finished run is still there');
        await page.evaluate(() => { document.documentElement.style.colorScheme = ''; document.body.style.background = '#fff'; });
        await frame.waitForFunction(() => document.documentElement.dataset.theme === 'light');
        // A dark page that declares no color-scheme: the reader's preference (dark here).
        await page.evaluate(() => { document.body.classList.add('dark'); document.body.style.background = '#111'; });
        await frame.waitForFunction(() => !document.documentElement.dataset.theme && matchMedia('(prefers-color-scheme: dark)').matches);
      } finally {
        await h.stop();
      }
    },
  },
];


/** A corpus program, and what the CLI says of it. */
function corpusProgram(repo, file) {
  const path = join(repo, 'tests', 'programs', 'corpus', file);
  const outcome = JSON.parse(execFileSync(join(repo, 'target', 'debug', 'asyncio-playground'), ['run', path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  return { source: readFileSync(path, 'utf8'), outcome };
}

tests.push({
  name: "an author's own program, written inline or fetched by src=, runs in an embed on another origin with the CLI's outcome; start=finished draws it at load",
  async run({ page, base, repo }) {
    execFileSync('cargo', ['build', '--quiet', '--bin', 'asyncio-playground'], { cwd: repo, stdio: 'inherit' });
    const inline = corpusProgram(repo, '146_gallery_semaphore.py');
    const fetched = corpusProgram(repo, '142_gallery_wait_for.py');
    // Indented as an author would indent it inside the page: the loader takes the indentation off.
    const indented = inline.source.split('\n').map((l) => (l ? `      ${l}` : l)).join('\n');
    const h = await host(base, `
      <asyncio-playground id="inline" spec="clock=virtual&speed=instant"><script type="text/x-python">
${indented}</script></asyncio-playground>
      <asyncio-playground id="fetched" src="${base}/tests/programs/corpus/142_gallery_wait_for.py" start="finished" spec="clock=virtual"></asyncio-playground>`);
    try {
      const problems = watch(page);
      await page.goto(h.url);
      await waitEvents(page, 'asyncio-playground:ready', 2);
      // start="finished": the fetched program's finished run is reported without anyone pressing Run.
      const first = await waitEvents(page, 'asyncio-playground:outcome', 1);
      assert.deepEqual(first[0].detail, fetched.outcome, 'src=, finished at load');
      const outcome = await page.evaluate(() => document.querySelector('#inline').run());
      assert.deepEqual(outcome, inline.outcome, 'inline');
      const frames = playgroundFrames(page);
      const codes = await Promise.all(frames.map((f) => f.textContent('[data-test=code]')));
      assert.ok(codes.some((c) => c.includes('Semaphore(2)')), 'the inline program is shown');
      assert.deepEqual(problems.errors, []);
    } finally {
      await h.stop();
    }
  },
});

tests.push({
  name: 'an invalid program stays an embed, shows its error at its line and reports it; setCode rejects invalid code and runs valid code',
  async run({ page, base }) {
    const h = await host(base, `<asyncio-playground id="bad" spec="clock=virtual&speed=instant"><script type="text/x-python">
import asyncio
async def main(:
    pass
</script></asyncio-playground>`);
    try {
      await page.goto(h.url);
      const errors = await waitEvents(page, 'asyncio-playground:error', 1);
      assert.match(errors[0].detail, /line 2: invalid syntax/);
      const [frame] = playgroundFrames(page);
      await frame.waitForSelector('[data-test=code-error]');
      assert.ok(await frame.$('[data-test=code] [data-line="2"] .squiggle'), 'underlined at its span');
      assert.equal(await frame.$eval('[data-test=run]', (b) => b.disabled), true);
      const rejected = await page.evaluate(() => document.querySelector('#bad').setCode('print(').then(() => 'resolved', (e) => e.message));
      assert.match(rejected, /line 1: '\(' was never closed/);
      await page.evaluate(() => document.querySelector('#bad').setCode('import asyncio\n\nasync def main():\n    print("fixed")\n\nasyncio.run(main())\n'));
      const outcome = await page.evaluate(() => document.querySelector('#bad').run());
      assert.deepEqual(outcome.stdout, ['fixed']);
    } finally {
      await h.stop();
    }
  },
});

tests.push({
  name: 'panels, controls, readonly, highlight and caption show exactly what they name; a bad value is an error event',
  async run({ page, base }) {
    const program = 'import asyncio\n\nasync def main():\n    await asyncio.sleep(0.5)\n    print("hi")\n\nasyncio.run(main())\n';
    const h = await host(base, `
      <asyncio-playground id="a" spec="clock=virtual&speed=instant" panels="console,code" controls="run,step" readonly highlight="3-4" caption="A first coroutine" start="finished"><script type="text/x-python">${program}</script></asyncio-playground>
      <asyncio-playground id="b" spec="pattern=gather&tasks=2${VIRTUAL}" controls="none" panels="timeline"></asyncio-playground>
      <asyncio-playground id="c" spec="pattern=gather&tasks=2${VIRTUAL}" panels="timeline,graph"></asyncio-playground>`);
    try {
      await page.goto(h.url);
      await waitEvents(page, 'asyncio-playground:ready', 3);
      const frameOf = async (id) => (await page.evaluateHandle((i) => document.getElementById(i).shadowRoot.querySelector('iframe'), id)).asElement().contentFrame();
      const a = await frameOf('a');
      await a.waitForSelector('[data-test=code]');
      // Console first, then the code; no timeline, no outcome panel.
      const order = await a.$$eval('.embed-panels > *', (els) => els.map((e) => (e.querySelector('[data-test=console]') ? 'console' : e.querySelector('[data-test=code]') ? 'code' : e.className)));
      assert.deepEqual(order, ['console', 'code']);
      assert.equal(await a.$('[data-test=timeline]'), null);
      assert.equal(await a.$('[data-test=outcome]'), null);
      assert.deepEqual(await a.$$eval('.toolbar button', (els) => els.map((e) => e.dataset.test)), ['run', 'step']);
      assert.equal(await a.$('[data-test=edit-code]'), null, 'readonly: no Edit');
      assert.deepEqual(await a.$$eval('[data-test=code] .line.highlighted', (els) => els.map((e) => Number(e.dataset.line))), [3, 4]);
      assert.equal(await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('.caption').textContent), 'A first coroutine');
      assert.equal(await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('iframe').title), 'A first coroutine');
      const b = await frameOf('b');
      await b.waitForSelector('[data-test=timeline]');
      assert.equal(await b.$('.toolbar'), null, 'controls="none": no toolbar');
      assert.equal(await b.$('[data-test=console]'), null);
      const errors = await waitEvents(page, 'asyncio-playground:error', 1);
      assert.match(errors[0].detail, /panels: unknown panel "graph"; accepted: code, timeline, console, outcome, inspector/);
      const c = await frameOf('c');
      assert.equal(await c.getAttribute('[data-test=app]', 'class'), 'app embed', 'still an embed');
    } finally {
      await h.stop();
    }
  },
});

tests.push({
  name: 'the tutorial is an article: a main landmark, headings in order, finished runs drawn at load, and axe-core finds no violation',
  async run({ page, base, repo }) {
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.addInitScript(() => {
      window.outcomes = 0;
      document.addEventListener('asyncio-playground:outcome', () => window.outcomes++);
    });
    await page.goto(`${base}/www/tutorial.html`);
    assert.equal(await page.$$eval('main', (els) => els.length), 1);
    const levels = await page.$$eval('h1, h2, h3', (els) => els.map((e) => Number(e.tagName[1])));
    assert.equal(levels[0], 1);
    levels.forEach((l, i) => assert.ok(i === 0 || l <= levels[i - 1] + 1, `heading ${i} jumps from h${levels[i - 1]} to h${l}`));
    assert.ok(await page.$$eval('asyncio-playground[start=finished]', (els) => els.length) >= 2);
    assert.equal(await page.$$eval('asyncio-playground[readonly][controls="run,step"]', (els) => els.length), 1);
    // The first embed draws its finished run without anyone pressing Run.
    await page.waitForFunction(() => window.outcomes >= 1, null, { timeout: 15000 });
    await page.addScriptTag({ path: join(repo, 'node_modules', 'axe-core', 'axe.min.js') });
    const violations = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => `${v.id}: ${v.help}`));
    assert.deepEqual(violations, []);
    // Printed, an embed shows its code and run, and no buttons.
    await page.emulateMedia({ media: 'print' });
    const [frame] = playgroundFrames(page);
    assert.ok(await frame.$('[data-test=code]'), 'the code is there');
    assert.equal(await frame.$eval('.toolbar', (t) => getComputedStyle(t).display), 'none', 'no buttons');
  },
});

tests.push({
  name: 'with start=finished or a fixed height nothing moves when an embed becomes ready or runs (element boxes unchanged)',
  async run({ page, base, repo }) {
    const program = corpusProgram(repo, '146_gallery_semaphore.py');
    const h = await host(base, `
      <h1>An article</h1>
      <asyncio-playground id="finished" start="finished" spec="clock=virtual&speed=4"><script type="text/x-python">
${program.source}</script></asyncio-playground>
      <p id="after-finished">The text after the first embed.</p>
      <asyncio-playground id="fixed" height="300" spec="pattern=taskgroup&tasks=4&fail=1&clock=virtual&speed=4"></asyncio-playground>
      <p id="after-fixed">The text after the second embed.</p>`);
    try {
      await page.setViewportSize({ width: 900, height: 700 });
      await page.addInitScript(() => {
        // Every box the host lays out, from the moment each embed says it is ready.
        window.boxes = {};
        const box = (id) => { const r = document.getElementById(id).getBoundingClientRect(); return `${r.top + scrollY},${r.height}`; };
        const sample = () => {
          for (const id of ['finished', 'after-finished', 'fixed', 'after-fixed']) {
            if (!window.readyAt) continue;
            (window.boxes[id] ||= new Set()).add(box(id));
          }
          requestAnimationFrame(sample);
        };
        document.addEventListener('asyncio-playground:ready', () => {
          window.ready = (window.ready || 0) + 1;
          if (window.ready === 2) { window.readyAt = performance.now(); }
        });
        requestAnimationFrame(sample);
      });
      await page.goto(h.url);
      await page.waitForFunction(() => window.ready === 2, null, { timeout: 15000 });
      // The finished run is drawn at load; then both embeds run on a 4× virtual clock.
      const outcomes = await page.evaluate(() => Promise.all([document.getElementById('finished').run(), document.getElementById('fixed').run()]));
      assert.deepEqual(outcomes[0], program.outcome);
      await page.waitForTimeout(300);
      const boxes = await page.evaluate(() => Object.fromEntries(Object.entries(window.boxes).map(([k, v]) => [k, [...v]])));
      for (const [id, seen] of Object.entries(boxes)) assert.equal(seen.length, 1, `${id} moved: ${seen.join(' → ')} (top,height)`);
      const height = await page.evaluate(() => document.getElementById('fixed').getBoundingClientRect().height);
      assert.equal(height, 300);
    } finally {
      await h.stop();
    }
  },
});

/** In a frame: what a narrow column could break (each check a list of what is wrong). */
const narrowProblems = (frame) => frame.evaluate(() => {
  const problems = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth + 1) problems.push(`scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
  // The toolbar on one line.
  const toolbar = document.querySelector('.toolbar');
  if (toolbar) {
    const tops = new Set([...toolbar.children].map((c) => c.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => Math.round(r.top + r.height / 2)));
    const rows = [...tops].sort((a, b) => a - b).filter((t, i, all) => i === 0 || t - all[i - 1] > 8);
    if (rows.length > 1) problems.push(`toolbar on ${rows.length} lines`);
  }
  // Axis ticks apart.
  const ticks = [...document.querySelectorAll('.tick')].map((t) => t.getBoundingClientRect()).filter((r) => r.width > 0);
  ticks.forEach((a, i) => ticks.slice(i + 1).forEach((b) => {
    if (a.left < b.right && b.left < a.right) problems.push(`ticks collide at ${Math.round(a.left)} and ${Math.round(b.left)}`);
  }));
  // End labels: whole, and over no bar of their lane.
  for (const lane of document.querySelectorAll('[data-test=lane], [data-test=lane-main]')) {
    const el = [...lane.querySelectorAll('.end-text')].find((e) => e.getBoundingClientRect().width > 0);
    if (!el) continue;
    if (el.scrollWidth > el.clientWidth + 1) problems.push(`${lane.dataset.task}: label cut ("${el.textContent}")`);
    const label = el.getBoundingClientRect();
    for (const bar of lane.querySelectorAll('.span')) {
      const b = bar.getBoundingClientRect();
      if (b.width > 0 && label.left < b.right - 0.5 && b.left < label.right - 0.5) problems.push(`${lane.dataset.task}: label over a bar`);
    }
  }
  return problems;
});

tests.push({
  name: 'in a 320 and a 400 px column an embed reads well: toolbar on one line (settings folded), no colliding ticks, whole labels off the bars; axe-core finds nothing inside the frame, light and dark',
  async run({ page, base, repo }) {
    const program = corpusProgram(repo, '146_gallery_semaphore.py');
    const column = (width, theme) => `<div style="width:${width}px">
      <asyncio-playground start="finished" theme="${theme}" spec="clock=virtual"><script type="text/x-python">
${program.source}</script></asyncio-playground>
      <asyncio-playground start="finished" theme="${theme}" spec="pattern=taskgroup&tasks=5&fail=2&clock=virtual"></asyncio-playground></div>`;
    const h = await host(base, `${column(320, 'light')}${column(400, 'dark')}`);
    try {
      await page.setViewportSize({ width: 900, height: 4000 });
      const problems = watch(page);
      await page.goto(h.url);
      await waitEvents(page, 'asyncio-playground:outcome', 4);
      const frames = playgroundFrames(page);
      assert.equal(frames.length, 4);
      const axe = readFileSync(join(repo, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
      for (const frame of frames) {
        const width = (await (await frame.frameElement()).boundingBox()).width;
        assert.deepEqual(await narrowProblems(frame), [], `a ${width} px embed`);
        // The settings are folded behind one button, and open over the page (nothing moves).
        const before = await frame.$eval('.toolbar', (t) => t.getBoundingClientRect().height);
        await frame.click('[data-test=settings] summary');
        assert.ok(await frame.isVisible('[data-test=clock]'), 'the clock is in the settings');
        assert.equal(await frame.$eval('.toolbar', (t) => t.getBoundingClientRect().height), before);
        await frame.click('[data-test=settings] summary');
        await frame.addScriptTag({ content: axe });
        const violations = await frame.evaluate(async () => (await window.axe.run(document)).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' ')})`));
        assert.deepEqual(violations, [], `axe in a ${width} px embed`);
      }
      // Run again, each (instantly): it still reads well.
      await page.evaluate(() => Promise.all([...document.querySelectorAll('asyncio-playground')].map((el) => el.setSpec('clock=virtual&speed=instant').then(() => el.run()))));
      for (const frame of frames) assert.deepEqual(await narrowProblems(frame), []);
      assert.deepEqual(problems.errors, []);
    } finally {
      await h.stop();
    }
  },
});
