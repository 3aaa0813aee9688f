#!/usr/bin/env bash
# The benchmark: builds the release into target/bench-dist (never dist/), generates the
# SYNTHETIC 1k and 10k data sets into copies of it, and measures all of them in headless
# Chromium (bench/bench.mjs). Prints every figure and PASS/FAIL against each budget; exits
# non-zero when a budget fails. Not part of scripts/test.sh (it takes a few minutes).
# Usage: bash bench/run.sh [--runs N] [--keys N]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
source scripts/env.sh
export CARGO_TERM_COLOR=never

say() { printf '\n=== %s ===\n' "$*"; }
start=$(date +%s)

say "release build -> target/bench-dist"
rm -rf target/bench-dist
bash scripts/build.sh target/bench-dist

say "SYNTHETIC data sets (target/bench-data-*; never bundled into dist/)"
synth() { # NAME ARGS...
  local name=$1; shift
  rm -rf "target/bench-data-$name" "target/bench-dist-$name"
  cargo run -q -p inspection-tools --bin synth -- "target/bench-data-$name" "$@"
  cargo run -q -p inspection-tools --bin check -- "target/bench-data-$name"
  cp -r target/bench-dist "target/bench-dist-$name"
  rm -rf "target/bench-dist-$name/data"
  cp -r "target/bench-data-$name" "target/bench-dist-$name/data"
  # The first view is pre-rendered from the data it is served with.
  node scripts/prerender.mjs "target/bench-dist-$name"
}
synth 1k --forces 4 --inspections 8 --afis 1000
synth 10k --forces 43 --inspections 8 --afis 10000
# The filter figures time the keystrokes that change the count, worked out from the data.
cargo build -q -p inspection-tools --bin filter_counts

say "measuring (headless Chromium)"
echo "machine: $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1), $(nproc) CPUs, $(free -h | awk '/^Mem:/ {print $2}') RAM; $(date -u +%Y-%m-%dT%H:%MZ)"
status=0
node bench/bench.mjs "$@" || status=$?
printf '\nbench/run.sh: finished in %ss\n' "$(( $(date +%s) - start ))"
exit "$status"
