#!/usr/bin/env bash
# A copy of the release wasm that keeps function names, for `twiggy top` in `make bench`
# (the shipped build strips them). Installs twiggy when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
command -v twiggy >/dev/null || cargo install --locked twiggy
mkdir -p target/bench
wasm-bindgen --target web --keep-debug --out-dir target/bench/names \
  target/wasm32-unknown-unknown/wasm-release/asyncio_playground.wasm
cp target/bench/names/asyncio_playground_bg.wasm target/bench/names.wasm
