// Helpers for the full-page tests: a static server started and stopped by PID, and a watcher of
// console errors and failed requests.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serveScript = join(fileURLToPath(import.meta.url), '..', '..', '..', 'scripts', 'serve.mjs');

/** Serves `root` on 127.0.0.1 at a free port; resolves to { url, pid, stop }. */
export function startServer(root, extraArgs = []) {
  const child = spawn(process.execPath, [serveScript, '--root', root, '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) resolve({ url: m[0].replace(/\/$/, ''), pid: child.pid, stop: () => process.kill(child.pid) });
    });
    child.on('exit', (code) => reject(new Error(`server exited early (${code})`)));
  });
}

/** Collects console errors, page errors and failed requests (network failures and HTTP >= 400). */
export function watch(page) {
  const problems = { errors: [], failed: [] };
  page.on('console', (m) => m.type() === 'error' && problems.errors.push(m.text()));
  page.on('pageerror', (e) => problems.errors.push(String(e)));
  page.on('requestfailed', (r) => problems.failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && problems.failed.push(`${r.url()}: HTTP ${r.status()}`));
  return problems;
}

/** Loads `url` and waits for the app to mount (data-ready="1"). */
export async function openApp(page, url) {
  await page.goto(url);
  await page.waitForSelector('[data-test=app][data-ready="1"]', { timeout: 15000 });
}
