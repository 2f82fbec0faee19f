// Full-page tests: serves the repo on 127.0.0.1, drives Debian's Chromium with playwright-core,
// runs every `tests` entry of tests/page/*.test.mjs, and ends with the line "N passed, N failed".
// Usage: node tests/page/run.mjs [name filter | file.test.mjs]
import { chromium } from 'playwright-core';
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { startServer } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const arg = process.argv[2] || '';
const only = arg.endsWith('.test.mjs') ? arg : '';
const filter = only ? '' : arg;

const server = await startServer(repo);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run',
    '--js-flags=--expose-gc'],
});
let passed = 0;
let failed = 0;
try {
  const files = (await readdir(here)).filter((f) => f.endsWith('.test.mjs') && (!only || f === only)).sort();
  for (const file of files) {
    const { tests } = await import(pathToFileURL(join(here, file)));
    for (const t of tests.filter((t) => t.name.includes(filter))) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const started = Date.now();
      try {
        await t.run({ page, context, browser, base: server.url, repo });
        passed++;
        console.log(`ok      ${file}: ${t.name} (${Date.now() - started} ms)`);
      } catch (e) {
        failed++;
        console.log(`FAILED  ${file}: ${t.name}\n        ${String(e.stack || e).split('\n').join('\n        ')}`);
      } finally {
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  server.stop();
}
console.log(`pages: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
