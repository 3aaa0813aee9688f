#!/usr/bin/env bash
# Runs every test: format, lint, native unit tests, data check, wasm component tests in
# headless Chromium, the release build, its size report, the Playwright suite against the
# release dist/ served by a plain static server, and the sabotage run (the same suite against a
# copy of dist/ whose wasm is corrupted: every test not tagged @static must fail). Exits
# non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
source scripts/env.sh
export CARGO_TERM_COLOR=never

step() { printf '\n=== %s ===\n' "$*"; }
start=$(date +%s)

step "rustfmt"
cargo fmt --all --check

step "clippy (native and wasm32, -D warnings)"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p inspection-viewer --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native unit tests"
cargo test --workspace

step "data check"
cargo run -q -p inspection-tools --bin check -- public/data

step "wasm-bindgen-test component tests (headless Chromium)"
CHROMEDRIVER=$(command -v chromedriver) cargo test -p inspection-viewer --target wasm32-unknown-unknown

step "release build (trunk, CSP post-build, pre-rendered first view)"
bash scripts/build.sh dist

step "size report"
bash scripts/size-report.sh dist

step "end-to-end tests (Playwright, Chromium, release dist/)"
cargo build -q -p inspection-tools --bin check  # end2end/tests/export.spec.js runs it on downloads
(cd end2end && npx playwright test)

step "sabotage run (the browser suite without a working app: only @static tests may pass)"
node scripts/sabotage.mjs dist

printf '\ntest.sh: all steps passed in %ss\n' "$(( $(date +%s) - start ))"
