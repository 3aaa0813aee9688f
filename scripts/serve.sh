#!/usr/bin/env bash
# Builds the release dist/ and serves it as deployed: nginx with deploy/nginx.conf (headers,
# compression, cache policy) at http://127.0.0.1:8080/, in the foreground until Ctrl-C.
# (For a quick debug loop while changing the app: `source scripts/env.sh; trunk serve`.)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
source scripts/env.sh
bash scripts/build.sh dist
exec node deploy/nginx.mjs --dist dist --listen 127.0.0.1:8080 --base /
