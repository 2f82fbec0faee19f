// `make dist`: a self-contained static site in dist/ (index.html, www/ with the tutorial and the
// embed loader; relative URLs only, so any subpath of any static host works), plus
// dist/asyncio-playground.html: one file with the CSS, the icon, the JS glue and the wasm inlined,
// which works opened from disk (file://).
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(repo, 'dist');
await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
await cp(join(repo, 'index.html'), join(dist, 'index.html'));
// Not www/editor/: the editor's source, which the build bundles into www/pkg/editor.js.
await cp(join(repo, 'www'), join(dist, 'www'), { recursive: true, filter: (src) => !src.includes(join('www', 'editor')) });
// wasm-pack leaves a `*` .gitignore in pkg/: a site published from git would lose the wasm.
await rm(join(dist, 'www', 'pkg', '.gitignore'), { force: true });

const read = (p) => readFile(join(repo, p), 'utf8');
const [html, css, icon, glue, editor, wasm] = await Promise.all([
  read('index.html'), read('www/style.css'), read('www/icon.svg'), read('www/pkg/asyncio_playground.js'),
  read('www/pkg/editor.js'),
  readFile(join(repo, 'www/pkg/asyncio_playground_bg.wasm')),
]);
// The editor chunk is inlined too, as a module imported from a blob when editing starts.
const script = `${glue}
const editorSource = ${JSON.stringify(editor)};
globalThis.asyncioPlaygroundEditor = () => import(URL.createObjectURL(new Blob([editorSource], { type: 'text/javascript' })));
const bytes = Uint8Array.from(atob(${JSON.stringify(wasm.toString('base64'))}), (c) => c.charCodeAt(0));
initSync({ module: bytes });
start();
`;
const single = html
  .replace(/<link rel="stylesheet" href="www\/style.css">/, () => `<style>\n${css}</style>`)
  .replace(/<link rel="icon" href="www\/icon.svg" type="image\/svg\+xml">/,
    () => `<link rel="icon" href="data:image/svg+xml,${encodeURIComponent(icon.trim())}">`)
  .replace(/<script type="module">[\s\S]*?<\/script>/, () => `<script type="module">\n${script}</script>`)
  .replace(/ *<!--[^>]*-->\n *<link rel="preload" href="www\/pkg\/[^>]*>\n/, '');
if (single === html || single.includes('www/pkg/')) throw new Error('index.html changed shape: the single-file build needs updating');
await writeFile(join(dist, 'asyncio-playground.html'), single);
console.log(`dist/ written; dist/asyncio-playground.html is ${(single.length / 1024).toFixed(0)} KB`);
