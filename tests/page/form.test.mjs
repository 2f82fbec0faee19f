// The scenario form keeps what the learner typed: values are escaped in the query, presets build
// on the typed sleep, the seed is never rewritten, switching patterns loses nothing, an emptied
// Tasks field is an error rather than 20 tasks.
import assert from 'node:assert/strict';
import { openApp } from './lib.mjs';

const param = async (page, key) => page.evaluate((k) => new URLSearchParams(location.search).get(k), key);

export const tests = [
  {
    name: 'a form value containing & stays one value: it never adds a key to the query',
    async run({ page, base }) {
      await openApp(page, `${base}/?pattern=gather&tasks=3`);
      await page.fill('[data-test=field-tasks]', '3&clock=virtual');
      await page.waitForTimeout(100);
      assert.equal(await param(page, 'clock'), null, 'the clock did not change');
      assert.notEqual(await page.textContent('[data-test=error-tasks]'), '', 'Tasks says its value is invalid');
      assert.equal(await page.$eval('[data-test=run]', (b) => b.disabled), true);
    },
  },
  {
    name: 'sleep presets build on the sleep the learner typed, never on each other',
    async run({ page, base }) {
      await openApp(page, `${base}/?pattern=gather&tasks=4&sleep=500`);
      await page.click('[data-test=preset-random]');
      await page.click('[data-test=preset-equal]');
      assert.equal(await page.inputValue('[data-test=field-sleep]'), '500');
      await page.click('[data-test=preset-staggered]');
      assert.equal(await page.inputValue('[data-test=field-sleep]'), '500,1000,1500,2000');
      await page.fill('[data-test=field-sleep]', '200');
      await page.click('[data-test=preset-reversed]');
      assert.equal(await page.inputValue('[data-test=field-sleep]'), '800,600,400,200');
    },
  },
  {
    name: 'the seed field keeps what was typed and says when it is not a seed',
    async run({ page, base }) {
      await openApp(page, `${base}/?pattern=gather&tasks=4`);
      for (const typed of ['-5', 'abc']) {
        await page.fill('[data-test=seed]', typed);
        assert.equal(await page.inputValue('[data-test=seed]'), typed);
        assert.match(await page.textContent('[data-test=error-seed]'), /whole number/);
        assert.equal(await page.$eval('[data-test=preset-random]', (b) => b.disabled), true);
      }
      await page.fill('[data-test=seed]', '7');
      assert.equal(await page.textContent('[data-test=error-seed]'), '');
      assert.equal(await page.$eval('[data-test=preset-random]', (b) => b.disabled), false);
    },
  },
  {
    name: 'switching patterns loses nothing: return_exceptions and cancel come back',
    async run({ page, base }) {
      await openApp(page, `${base}/?pattern=gather&sleep=3000,1000,2000&cancel=1@500&return_exceptions=1`);
      await page.check('[data-test=pattern-taskgroup]');
      assert.equal(await param(page, 'return_exceptions'), null, 'taskgroup takes no return_exceptions');
      await page.check('[data-test=pattern-sequential]');
      assert.equal(await param(page, 'cancel'), null, 'sequential takes no cancel');
      await page.check('[data-test=pattern-gather]');
      assert.equal(await param(page, 'return_exceptions'), '1');
      assert.equal(await param(page, 'cancel'), '1@500');
      assert.equal(await page.isChecked('[data-test=field-return_exceptions]'), true);
    },
  },
  {
    name: 'an emptied Tasks field is an error, not 20 tasks',
    async run({ page, base }) {
      await openApp(page, `${base}/?pattern=gather&tasks=3`);
      await page.fill('[data-test=field-tasks]', '');
      assert.match(await page.textContent('[data-test=error-tasks]'), /tasks/);
      assert.equal(await page.$eval('[data-test=run]', (b) => b.disabled), true);
    },
  },
  {
    name: 'every invalid field shows its own message at once, in field order, in its own words',
    async run({ page, base }) {
      await openApp(page, `${base}/?pattern=gather&tasks=3`);
      await page.fill('[data-test=field-sleep]', 'x');
      await page.fill('[data-test=field-fail]', '9');
      await page.fill('[data-test=field-linger]', '-1');
      for (const key of ['sleep', 'fail', 'linger']) {
        const text = await page.textContent(`[data-test=error-${key}]`);
        assert.ok(text.length > 5, `${key} shows its own error`);
        assert.ok(!text.startsWith(`${key}:`), `${key}: in the field's words: ${text}`);
      }
      assert.equal(await page.textContent('[data-test=error-tasks]'), '', 'a valid field shows nothing');
      const width = await page.$eval('[data-test=error-fail]', (e) => e.closest('.field').getBoundingClientRect().width);
      assert.ok(width <= 14 * 16 + 1, `an error does not widen its field (${width} px)`);
    },
  },
];

