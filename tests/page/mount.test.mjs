// The page mounts, from the server root and from a subfolder, with no console error and no failed request.
import assert from 'node:assert/strict';
import { mkdtemp, symlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, startServer, watch } from './lib.mjs';

async function assertMountsCleanly(page, url) {
  const problems = watch(page);
  await openApp(page, url);
  assert.equal(await page.textContent('[data-test=title]'), 'asyncio playground');
  assert.match(await page.textContent('[data-test=version]'), /^v\d+\.\d+\.\d+$/);
  assert.deepEqual(problems.errors, [], 'no console errors');
  assert.deepEqual(problems.failed, [], 'no failed requests');
}

export const tests = [
  {
    name: 'the page mounts with no console error and no failed request',
    run: ({ page, base }) => assertMountsCleanly(page, `${base}/`),
  },
  {
    name: 'the page works served from a subfolder (relative URLs only)',
    async run({ page, repo }) {
      const dir = await mkdtemp(join(tmpdir(), 'playground-'));
      await symlink(repo, join(dir, 'some-sub'));
      const server = await startServer(dir);
      try {
        await assertMountsCleanly(page, `${server.url}/some-sub/index.html`);
      } finally {
        server.stop();
        await rm(dir, { recursive: true });
      }
    },
  },
];
