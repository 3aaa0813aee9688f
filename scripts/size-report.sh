#!/usr/bin/env bash
# Prints raw, gzip -9 and brotli -q 11 bytes of every file in dist/ (or $1), and the totals.
set -euo pipefail
dir=${1:-dist}
[ -d "$dir" ] || { echo "size-report: no $dir/ — build first" >&2; exit 1; }
printf '%-48s %10s %10s %10s\n' file raw gzip brotli
tr=0; tg=0; tb=0
while IFS= read -r -d '' f; do
  r=$(stat -c %s "$f")
  g=$(gzip -9 -c "$f" | wc -c)
  b=$(brotli -q 11 -c "$f" | wc -c)
  tr=$((tr + r)); tg=$((tg + g)); tb=$((tb + b))
  printf '%-48s %10d %10d %10d\n' "${f#"$dir"/}" "$r" "$g" "$b"
done < <(find "$dir" -type f -print0 | sort -z)
printf '%-48s %10d %10d %10d\n' TOTAL "$tr" "$tg" "$tb"
