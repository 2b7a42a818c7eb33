#!/usr/bin/env bash
# Runs every test of SmartOverhalla on a fresh Debian/Ubuntu machine: installs Mosquitto and InfluxDB
# from Debian's packages where missing (the integration tests start their own instances of both on free
# 127.0.0.1 ports), validates docker-compose.yml (deploy/compose-check.sh), then runs the whole test suite.
#
#   ./test.sh                       all tests
#   ./test.sh --filter 'FullyQualifiedName~Influx'   extra arguments go to 'dotnet test'
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

deploy/install.sh
# The production compose file: valid, every service health-checked, every image pinned (no engine here to run it).
deploy/compose-check.sh

log_file=$(mktemp)
# The fault tests (tests/SmartOverhalla.FaultTests) add one line of figures per scenario here; printed at the end.
export SMARTOVERHALLA_FAULT_REPORT=$(mktemp)
trap 'rm -f "$log_file" "$SMARTOVERHALLA_FAULT_REPORT"' EXIT
status=0
dotnet build SmartOverhalla.sln -c Release -nologo -clp:ErrorsOnly
# One test project at a time (-m:1): the integration tests start real servers, and on a 2-core machine
# several projects doing so at once only make each other slow.
dotnet test SmartOverhalla.sln -c Release --no-build -m:1 --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log_file" || status=$?

if [ -s "$SMARTOVERHALLA_FAULT_REPORT" ]; then
  echo "Fault tests (every message counted per device and timestamp in InfluxDB):"
  sed 's/^/  /' "$SMARTOVERHALLA_FAULT_REPORT"
fi

# One closing line over all test projects, in the plain form CI tools read: "N passed, N failed".
awk '/^ *Passed: *[0-9]+$/ { p += $2 } /^ *Failed: *[0-9]+$/ { f += $2 } /^ *Skipped: *[0-9]+$/ { s += $2 }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log_file"
exit "$status"
