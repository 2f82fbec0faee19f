// axe-core (run offline in the page) finds no violation on the playground, before and after a run.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openApp } from './lib.mjs';

async function violations(page, repo) {
  await page.addScriptTag({ path: join(repo, 'node_modules', 'axe-core', 'axe.min.js') });
  const result = await page.evaluate(async () => (await window.axe.run(document)).violations);
  return result.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

export const tests = [
  {
    name: 'axe-core finds no violation on the page, ready and after a run, light and dark',
    async run({ page, base, repo }) {
      for (const theme of ['light', 'dark']) {
        await openApp(page, `${base}/?pattern=taskgroup&sleep=300,100,200&fail=1&clock=virtual&speed=instant&theme=${theme}`);
        assert.deepEqual(await violations(page, repo), [], `${theme}, ready`);
        await page.click('[data-test=run]');
        await page.waitForSelector('[data-test=outcome][data-state=finished]');
        assert.deepEqual(await violations(page, repo), [], `${theme}, after a run`);
      }
    },
  },
];

tests.push({
  name: 'axe-core finds no violation with a program, the gallery, the editor and the Compare view, light and dark',
  async run({ page, base, repo }) {
    const source = 'import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n    raise ValueError("x")\n\nasyncio.run(main())\n';
    for (const theme of ['light', 'dark']) {
      await page.goto('about:blank');
      await openApp(page, `${base}/?clock=virtual&theme=${theme}#code=${encodeURIComponent(source)}`);
      await page.waitForSelector('[data-test=outcome][data-state=finished]');
      await page.click('[data-test=gallery] summary');
      await page.click('[data-test=example] >> nth=3');
      await page.waitForSelector('[data-test=outcome][data-state=finished]');
      assert.deepEqual(await violations(page, repo), [], `${theme}, a program and the gallery`);
      await page.click('[data-test=edit-code]');
      await page.waitForSelector('.cm-content');
      assert.deepEqual(await violations(page, repo), [], `${theme}, editing`);
      await page.click('[data-test=compare-open]');
      await page.waitForSelector('[data-test=compare-way]');
      assert.deepEqual(await violations(page, repo), [], `${theme}, Compare`);
    }
  },
});
