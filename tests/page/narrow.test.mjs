// The page reads from 320 px up: no horizontal scroll, and no text box over another.
import assert from 'node:assert/strict';
import { openApp } from './lib.mjs';

/** Text boxes of leaves that overlap another's, among the visible ones. */
const overlaps = (page) => page.evaluate(() => {
  const leaves = [...document.querySelectorAll('body *')].filter((e) => e.children.length === 0 && e.textContent.trim()
    && e.offsetParent !== null && getComputedStyle(e).visibility !== 'hidden' && !e.closest('.visually-hidden, pre, .console, .lanes, details:not([open]) > :not(summary)'));
  const boxes = leaves.map((e) => [e, e.getBoundingClientRect()]).filter(([, r]) => r.width > 0 && r.height > 0);
  const out = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, ra] = boxes[i]; const [b, rb] = boxes[j];
      if (a.contains(b) || b.contains(a)) continue;
      const x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
      const y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
      if (x > 2 && y > 2) out.push(`"${a.textContent.trim().slice(0, 20)}" over "${b.textContent.trim().slice(0, 20)}"`);
    }
  }
  return out;
});

export const tests = [
  {
    name: 'at 320 and 390 px the page has no horizontal scroll and no overlapping text, before and after a run',
    async run({ page, base }) {
      for (const width of [320, 390]) {
        await page.setViewportSize({ width, height: 800 });
        await openApp(page, `${base}/?pattern=taskgroup&tasks=5&sleep=300,100,200,400,250&fail=1&clock=virtual&speed=instant`);
        for (const moment of ['ready', 'finished']) {
          if (moment === 'finished') {
            await page.click('[data-test=run]');
            await page.waitForSelector('[data-test=outcome][data-state=finished]');
          }
          const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
          assert.ok(scroll <= client, `${width} px, ${moment}: the page is ${scroll} px wide`);
          assert.deepEqual(await overlaps(page), [], `${width} px, ${moment}`);
        }
      }
    },
  },
];
