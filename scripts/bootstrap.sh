#!/usr/bin/env bash
# Installs whatever the build and tests need and is missing; prints what it installs.
# Idempotent: when everything is present it is a quick no-op. Used by scripts/serve.sh and
# scripts/test.sh. Only crates.io, npm and Debian apt are reached; Trunk itself never downloads.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock (pinned "=" in Cargo.toml).
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf 'bootstrap: %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "installing Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (takes ~9 minutes cold)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  # Not --locked: the CLI's own lockfile pins a crate the registry no longer serves.
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# nginx and its brotli modules serve dist/ (deploy/nginx.conf) for scripts/serve.sh and the
# browser tests; deploy/nginx.mjs runs it in the foreground, so no service is used.
missing=()
for pkg in chromium chromium-driver brotli poppler-utils \
  nginx libnginx-mod-http-brotli-static libnginx-mod-http-brotli-filter; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  say "installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

# npm ci when node_modules is missing or older than the lockfile. It brings Playwright,
# axe-core and wasm-opt (npm package binaryen, pinned; Debian's binaryen 108 breaks the wasm).
if [ ! -x end2end/node_modules/.bin/wasm-opt ] || [ ! -x end2end/node_modules/.bin/playwright ] ||
   [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
  say "installing end2end npm packages (npm ci)"
  (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi

# Trunk's offline mode makes cargo offline too, so every crate must be fetched first.
if ! cargo fetch --offline >/dev/null 2>&1; then
  say "fetching crates (cargo fetch)"
  cargo fetch
fi
