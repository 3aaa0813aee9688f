#!/usr/bin/env bash
# The release build: a self-contained dist/ (or the directory given) for any static host.
#   1. trunk build --release (wasm-opt -Oz, content-hashed files, relative URLs);
#   2. scripts/csp-postbuild.mjs: Trunk's inline loader -> boot-<hash>.js, for a strict CSP;
#   3. scripts/prerender.mjs: the default view written into index.html as HTML, made by the app
#      itself in headless Chromium from the data in <dist>/data, so the first view needs no wasm;
#   4. <file>.br (brotli -q 11) and <file>.gz (gzip -9) beside each content-hashed file only
#      (wasm, JS, CSS), for deploy/nginx.conf's brotli_static/gzip_static. index.html, embed.js
#      and data/ get none: the server compresses them as served, so a replaced data file is
#      never met by a stale compressed copy.
# Usage: bash scripts/build.sh [dist]   (after scripts/bootstrap.sh; test.sh and bench/run.sh use it)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
dist=${1:-dist}
trunk build --release --offline=true --dist "$dist"
node scripts/csp-postbuild.mjs "$dist"
node scripts/prerender.mjs "$dist"

# The same pattern as the content-hashed location in deploy/nginx.conf.
hashed='^[^/]+-[0-9a-f]{8,16}(_bg)?\.(wasm|js|css)$'
find "$dist" -type f \( -name '*.br' -o -name '*.gz' \) -delete
n=0
for f in "$dist"/*; do
  [[ -f $f && $(basename "$f") =~ $hashed ]] || continue
  brotli -q 11 -f -o "$f.br" "$f"
  gzip -9 -n -c "$f" >"$f.gz"
  n=$((n + 1))
done
compgen -G "$dist/*_bg.wasm.br" >/dev/null || { echo "build: no content-hashed wasm found in $dist to precompress" >&2; exit 1; }
echo "build: $n content-hashed files precompressed (.br, .gz) in $dist"
