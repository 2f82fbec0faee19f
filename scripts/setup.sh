#!/usr/bin/env bash
# Installs what the build and the tests need, only when missing or at the wrong version.
# Usage: scripts/setup.sh build|test   (test adds Chromium and ChromeDriver)
# Everything comes from the package registries: rustup, crates.io, npm, Debian.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# The wasm-bindgen version pinned in Cargo.lock: wasm-bindgen-cli must match it exactly.
lock_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

rust_parts() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  for c in rustfmt clippy; do
    rustup component list --installed | grep -q "^$c" || { say "adding $c"; rustup component add "$c"; }
  done
}

wasm_tools() {
  local want have
  want=$(lock_version wasm-bindgen)
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (found: ${have:-none}; takes 5-10 minutes)"
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
  have=$(wasm-pack --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "0.15.1" ]; then
    say "installing wasm-pack 0.15.1 (found: ${have:-none}; takes 5-10 minutes)"
    cargo install --locked wasm-pack --version 0.15.1 --force
  fi
}

npm_packages() {
  # npm records what it installed in node_modules/.package-lock.json; a lock file changed since
  # (or no node_modules at all) means install again.
  if [ ! node_modules/.package-lock.json -nt package-lock.json ]; then
    say "installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund
  fi
}

chromium_parts() {
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
    return
  fi
  local cmd="apt-get update && apt-get install -y chromium chromium-driver"
  if [ "$(id -u)" = 0 ]; then
    say "installing Chromium and ChromeDriver from Debian"
    sh -c "$cmd"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    say "installing Chromium and ChromeDriver from Debian (sudo)"
    sudo sh -c "$cmd"
  else
    echo "The browser tests need Chromium and ChromeDriver, and this user cannot install them." >&2
    echo "Run, as root:   $cmd" >&2
    exit 1
  fi
}

# CPython 3.13.0 is the oracle of the conformance tests (pinned: ../shared/toolchain.md).
cpython_oracle() {
  local py="${ASYNCIO_PLAYGROUND_PYTHON:-${PYENV_ROOT:-$HOME/.pyenv}/versions/3.13.0/bin/python3}"
  if [ "$("$py" -c 'import sys; print(sys.version.split()[0])' 2>/dev/null || true)" = 3.13.0 ]; then
    return
  fi
  if [ "$(python3.13 -c 'import sys; print(sys.version.split()[0])' 2>/dev/null || true)" = 3.13.0 ]; then
    return
  fi
  if command -v pyenv >/dev/null; then
    say "installing CPython 3.13.0 with pyenv (the tests' oracle; takes a few minutes)"
    pyenv install --skip-existing 3.13.0
    return
  fi
  echo "The conformance tests need CPython 3.13.0 (their oracle) and none was found." >&2
  echo "Install it (for example: pyenv install 3.13.0), or set ASYNCIO_PLAYGROUND_PYTHON to one." >&2
  exit 1
}

case "${1:-build}" in
  build) rust_parts; wasm_tools; npm_packages ;;
  test) rust_parts; wasm_tools; npm_packages; chromium_parts; cpython_oracle ;;
  *) echo "usage: $0 build|test" >&2; exit 2 ;;
esac
