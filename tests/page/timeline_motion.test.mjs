// The timeline moves between the loop's events: time, the now cursor and sleeping bars follow the
// run's clock frame by frame, on the real clock and on the virtual one.
import assert from 'node:assert/strict';
import { openApp } from './lib.mjs';

/** What the timeline draws now: the now cursor's place, the axis labels, main's bar widths. */
const picture = (page) => page.evaluate(() => ({
  now: document.querySelector('[data-test=now]')?.style.left,
  axis: [...document.querySelectorAll('.axis .tick')].map((t) => t.textContent).join(' '),
  bars: [...document.querySelectorAll('[data-test=lane] .span')].map((s) => s.style.width).join(' '),
}));

export const tests = [
  {
    name: 'between two events of a real-clock run the timeline keeps moving (time, the now cursor, sleeping bars)',
    async run({ page, base }) {
      // Every task sleeps 2 s: from the first step until 2 s, nothing happens in the loop.
      await openApp(page, `${base}/?pattern=gather&tasks=3&sleep=2000`);
      await page.click('[data-test=run]');
      await page.waitForTimeout(400);
      const first = await picture(page);
      await page.waitForTimeout(500);
      const second = await picture(page);
      assert.equal(await page.getAttribute('[data-test=outcome]', 'data-state'), 'running', 'the run is still going');
      assert.notEqual(first.now, second.now, 'the now cursor moved');
      assert.notEqual(first.axis, second.axis, `the axis moved: ${first.axis} / ${second.axis}`);
      assert.notEqual(first.bars, second.bars, 'the sleeping bars grew');
      assert.doesNotMatch(second.axis, /^0\.00 s 0\.00 s/, `the axis reads time going on: ${second.axis}`);
    },
  },
  {
    name: 'on the virtual clock played at 1x the timeline moves between events too, and stops when paused',
    async run({ page, base }) {
      await openApp(page, `${base}/?pattern=gather&tasks=3&sleep=3000&clock=virtual&speed=1`);
      await page.click('[data-test=run]');
      await page.waitForTimeout(400);
      const first = await picture(page);
      await page.waitForTimeout(400);
      const second = await picture(page);
      assert.notEqual(first.now, second.now, 'the now cursor moved');
      await page.click('[data-test=pause]');
      await page.waitForTimeout(150);
      const paused = await picture(page);
      await page.waitForTimeout(300);
      assert.deepEqual(await picture(page), paused, 'nothing moves while paused');
    },
  },
];

tests.push({
  name: 'each Step says what happened, in words, beside the timeline',
  async run({ page, base }) {
    await openApp(page, `${base}/?pattern=gather&tasks=3&sleep=300,100,200&clock=virtual&speed=1`);
    await page.click('[data-test=run]');
    await page.click('[data-test=pause]');
    const said = [];
    for (let i = 0; i < 4; i++) {
      await page.click('[data-test=step]');
      await page.waitForTimeout(150);
      said.push(await page.textContent('[data-test=narration]'));
    }
    assert.ok(said.every((t) => t && t.length > 5), `every step is narrated: ${JSON.stringify(said)}`);
    assert.ok(new Set(said).size > 1, `the narration follows the steps: ${JSON.stringify(said)}`);
  },
});
