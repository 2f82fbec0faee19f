#!/usr/bin/env bash
# Builds the release wasm into www/pkg, shrinks it with wasm-opt from the npm `binaryen` package and
# the JS glue with npm `terser`, and prints the gzipped download size.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
wasm-pack build --mode no-install --profile wasm-release --no-opt --target web --out-dir www/pkg --no-typescript --no-pack
wasm=www/pkg/asyncio_playground_bg.wasm
opt=node_modules/.bin/wasm-opt
before=$(stat -c %s "$wasm")
# --low-memory-unused holds for Rust's wasm32 layout: the 1 MiB stack comes first and grows down from
# 1 MiB, static data follows it, so the low 1 KiB is reached only by a stack 1023 KiB deep.
"$opt" -Oz --converge --low-memory-unused --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue "$wasm" -o "$wasm.opt"
mv "$wasm.opt" "$wasm"
# Minify the JS glue (terser, pure JS). Top-level names stay: scripts/dist.mjs calls `initSync` and
# `start` by name in the single-file build.
glue=www/pkg/asyncio_playground.js
node_modules/.bin/terser "$glue" --compress --mangle --ecma 2020 -o "$glue.min"
mv "$glue.min" "$glue"
# The code editor (CodeMirror 6): its own chunk, loaded when editing starts (index.html).
node_modules/.bin/esbuild www/editor/main.js --bundle --minify --format=esm --log-level=warning --outfile=www/pkg/editor.js
# Gzipped with zlib at level 9, as static servers compress and as `make bench` measures (GNU gzip's
# own deflate comes out about 1% smaller).
gz() { node -e 'console.log(require("zlib").gzipSync(require("fs").readFileSync(process.argv[1]), { level: 9 }).length)' "$1"; }
w=$(gz "$wasm"); j=$(gz www/pkg/asyncio_playground.js)
printf 'wasm-opt (binaryen %s): %d -> %d bytes\n' "$("$opt" --version | awk '{print $3}')" "$before" "$(stat -c %s "$wasm")"
awk -v w="$w" -v j="$j" 'BEGIN { printf "download size, gzip level 9: wasm %.1f KB + JS glue %.1f KB = %.1f KB\n", w/1024, j/1024, (w+j)/1024 }'
printf 'editor chunk, gzip level 9: %.1f KB (loaded when editing starts)\n' "$(gz www/pkg/editor.js | awk '{print $1/1024}')"
