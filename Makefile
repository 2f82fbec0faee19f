# asyncio-playground: the two commands are `make serve` and `make test` (see README.md).
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
PORT ?= 8000
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export WASM_BINDGEN_TEST_TIMEOUT ?= 120

.PHONY: serve build test lint test-native test-browser test-page bench-engine bench screenshots dist

## serve: install what is missing, build the release wasm, serve the page on http://127.0.0.1:$(PORT)/
serve: build
	node scripts/serve.mjs --port $(PORT)

## build: the release wasm + JS glue in www/pkg (prints the gzipped size)
build:
	scripts/setup.sh build
	scripts/build-wasm.sh

## test: install what is missing, then formatting, lints, native, browser and full-page tests
test:
	scripts/setup.sh test
	$(MAKE) --no-print-directory lint test-native test-browser test-page

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --workspace --target wasm32-unknown-unknown --all-targets -- -D warnings

test-native:
	cargo test --workspace

test-browser:
	wasm-pack test --mode no-install --headless --chrome --chromedriver "$$(command -v chromedriver)"

test-page:
	scripts/build-wasm.sh
	node scripts/dist.mjs
	node tests/page/run.mjs

## bench-engine: the engine against CPython on the same machine (release build)
bench-engine:
	scripts/setup.sh build
	cargo bench --bench engine

## screenshots: PNGs of the page's main states in docs/screenshots/ (the README shows them)
screenshots: build
	scripts/setup.sh test
	node scripts/screenshots.mjs

## dist: a static site in dist/ and one self-contained file, dist/asyncio-playground.html
dist: build
	node scripts/dist.mjs

## bench: every performance figure (native engine, page, timers, frames, load, size, memory) in one table;
## the report goes to target/bench/report.json
bench: build
	scripts/setup.sh test
	cargo bench --bench engine
	scripts/names-wasm.sh
	node bench/run.mjs
