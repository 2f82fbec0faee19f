// End labels follow their lane's last bar: no label covers a bar of its lane, whatever the pattern.
import assert from 'node:assert/strict';
import { openApp } from './lib.mjs';

const SPECS = [
  'pattern=gather&sleep=3000,1000,2000&cancel=1@500',
  'pattern=taskgroup&sleep=3000,1000,2000&fail=1',
  'pattern=taskgroup&tasks=6&sleep=1000&fail=1,3,5&linger=200',
  'pattern=wait&sleep=3000,1000,2000&timeout=1500',
  'pattern=sequential&tasks=4&sleep=300&fail=2',
];

/** For every lane: its end label's box and its bars' boxes, and whether any two overlap. */
const overlaps = (page) => page.$$eval('[data-test=lane], [data-test=lane-main]', (lanes) => lanes.flatMap((lane) => {
  // The visible label (a narrow timeline shows the short one).
  const label = [...lane.querySelectorAll('.end-text')].map((e) => e.getBoundingClientRect()).find((r) => r.width > 0);
  if (!label) return [];
  return [...lane.querySelectorAll('.span')]
    .map((s) => s.getBoundingClientRect())
    .filter((b) => b.width > 0 && label.left < b.right - 0.5 && b.left < label.right - 0.5)
    .map((b) => `${lane.dataset.task}: label ${label.left.toFixed(0)}..${label.right.toFixed(0)} over bar ${b.left.toFixed(0)}..${b.right.toFixed(0)}`);
}));

export const tests = [
  {
    name: 'no end label covers a bar of its lane, at 1100 px and at 390 px',
    async run({ page, base }) {
      for (const width of [1100, 390]) {
        await page.setViewportSize({ width, height: 900 });
        for (const spec of SPECS) {
          await openApp(page, `${base}/?${spec}&clock=virtual&speed=instant`);
          await page.click('[data-test=run]');
          await page.waitForSelector('[data-test=outcome][data-state=finished]');
          assert.deepEqual(await overlaps(page), [], `${spec} at ${width} px`);
        }
      }
    },
  },
];

tests.push({
  name: '1,000 lanes are one Tab stop; arrow keys, Home and End move between lanes',
  async run({ page, base }) {
    await openApp(page, `${base}/?pattern=gather&tasks=1000&sleep=10&clock=virtual&speed=instant`);
    await page.click('[data-test=run]');
    await page.waitForSelector('[data-test=outcome][data-state=finished]');
    const stops = await page.$$eval('.lanes [tabindex="0"]', (els) => els.length);
    assert.equal(stops, 1, 'one lane is in the Tab order');
    await page.focus('.lanes [tabindex="0"]');
    const focusedRow = () => page.evaluate(() => document.activeElement?.dataset?.row);
    assert.equal(await focusedRow(), '0');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    assert.equal(await focusedRow(), '3');
    await page.keyboard.press('End');
    await page.waitForFunction(() => document.activeElement?.dataset?.row === '1000');
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction(() => document.activeElement?.dataset?.row === '999');
    await page.keyboard.press('Home');
    await page.waitForFunction(() => document.activeElement?.dataset?.row === '0');
    await page.keyboard.press('Tab');
    const after = await page.evaluate(() => { const a = document.activeElement; return a ? `${a.tagName}.${a.className} row=${a.dataset.row}` : 'none'; });
    assert.equal(await page.evaluate(() => !!document.activeElement?.closest('.lanes')), false, `Tab leaves the timeline (focus on ${after})`);
  },
});
