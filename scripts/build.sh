#!/usr/bin/env bash
# The release build: a self-contained dist/ (or the directory given) for any static host.
#   1. trunk build --release (wasm-opt -Oz, content-hashed files, relative URLs);
#   2. scripts/csp-postbuild.mjs: Trunk's inline loader -> boot-<hash>.js, for a strict CSP;
#   3. scripts/prerender.mjs: the default view written into index.html as HTML, made by the app
#      itself in headless Chromium from the data in <dist>/data, so the first view needs no wasm.
# Usage: bash scripts/build.sh [dist]   (after scripts/bootstrap.sh; test.sh and bench/run.sh use it)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
dist=${1:-dist}
trunk build --release --offline=true --dist "$dist"
node scripts/csp-postbuild.mjs "$dist"
node scripts/prerender.mjs "$dist"
