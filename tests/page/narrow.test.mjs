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
    name: 'at 320, 390 and 520 px the page has no horizontal scroll and no overlapping text, before and after a run',
    async run({ page, base }) {
      for (const width of [320, 390, 520]) {
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
  {
    name: 'the tutorial and its embeds read at 320, 390 and 700 px: no horizontal scroll, no overlapping text, in the page or in a frame',
    async run({ page, base }) {
      for (const width of [320, 390, 700]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${base}/www/tutorial.html`);
        await page.waitForFunction(() => {
          const els = [...document.querySelectorAll('asyncio-playground')];
          return els.length > 0 && els.every((el) => el.shadowRoot?.querySelector('iframe'));
        });
        const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
        assert.ok(scroll <= client, `${width} px: the tutorial is ${scroll} px wide`);
        const first = await (await page.evaluateHandle(() => document.querySelector('asyncio-playground').shadowRoot.querySelector('iframe'))).asElement().contentFrame();
        await first.waitForSelector('[data-test=app][data-ready="1"]');
        await first.evaluate(() => document.querySelector('[data-test=run]').click());
        // Its panels are the code, the timeline and the console (no outcome panel): the toolbar says when it ends.
        await first.waitForFunction(() => document.querySelector('[data-test=status]')?.textContent === 'finished', null, { timeout: 10000 });
        const [inner, innerClient] = await first.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
        assert.ok(inner <= innerClient, `${width} px: the first embed is ${inner} px wide in a ${innerClient} px frame`);
        assert.deepEqual(await overlaps(first), [], `${width} px: the first embed`);
      }
    },
  },
  {
    name: 'the form reads whole: the checkbox sits by its label and no placeholder is cut off',
    async run({ page, base }) {
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await openApp(page, `${base}/?pattern=gather&tasks=3`);
        const check = await page.$eval('[data-test=field-return_exceptions]', (box) => {
          const b = box.getBoundingClientRect();
          const label = box.closest('label').getBoundingClientRect();
          return { width: b.width, gap: label.right - b.right };
        });
        assert.ok(check.width < 30, `${width} px: the checkbox is ${check.width} px wide`);
        const cut = await page.$$eval('.field input[placeholder]', (inputs) => inputs.filter((i) => {
          const probe = document.createElement('span');
          const cs = getComputedStyle(i);
          probe.style.cssText = `position:absolute;visibility:hidden;white-space:pre;font:${cs.font}`;
          probe.textContent = i.placeholder;
          document.body.append(probe);
          const need = probe.getBoundingClientRect().width;
          probe.remove();
          return need > i.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) + 1;
        }).map((i) => i.placeholder));
        assert.deepEqual(cut, [], `${width} px: placeholders cut off`);
      }
    },
  },
];


tests.push({
  name: 'at 390 px a program with its code marks, the gallery and the Compare view have no horizontal scroll and no overlapping text',
  async run({ page, base }) {
    await page.setViewportSize({ width: 390, height: 800 });
    const source = 'import asyncio\n\nasync def fetch(n):\n    await asyncio.sleep(n)\n    return n\n\nasync def main():\n    print(await asyncio.gather(fetch(1), fetch(2)))\n\nasyncio.run(main())\n';
    await openApp(page, `${base}/?clock=virtual&speed=0.2#code=${encodeURIComponent(source)}`);
    await page.waitForSelector('[data-test=outcome][data-state=finished]');
    await page.click('[data-test=gallery] summary');
    await page.click('[data-test=run]');
    await page.waitForSelector('[data-test=code] [data-test=mark]');
    const check = async (moment) => {
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      assert.ok(scroll <= client, `${moment}: the page is ${scroll} px wide`);
      assert.deepEqual(await overlaps(page), [], moment);
    };
    await check('a program running, the gallery open');
    await page.click('[data-test=compare-open]');
    await page.waitForSelector('[data-test=compare-way]');
    await check('the Compare view');
  },
});
