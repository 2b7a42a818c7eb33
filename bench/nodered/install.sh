#!/usr/bin/env bash
# Installs the Node-RED peer's npm packages (package-lock.json) into bench/nodered/node_modules.
# Does nothing when node_modules already matches the lock file, so it is cheap to call before every run.
# Exit code 0: installed (or already installed); non-zero: npm failed (the peer is then unavailable).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

# A stamp of the lock file and node version that the last successful npm ci installed.
stamp=node_modules/.smartoverhalla-lock.sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1) $(node --version)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -x node_modules/.bin/node-red ]]; then
    exit 0
fi
echo "bench/nodered: npm ci (node $(node --version), npm $(npm --version))" >&2
npm ci --no-audit --no-fund --loglevel=error 1>&2
printf '%s' "$want" > "$stamp"
