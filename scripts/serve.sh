#!/usr/bin/env bash
# Builds and serves the app on the bundled data at http://127.0.0.1:8080 (Ctrl-C to stop).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
source scripts/env.sh
exec trunk serve --offline=true
