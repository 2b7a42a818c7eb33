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
# The tests' own temp directory: TMPDIR of the test processes and of every server they start, empty at the start.
# Tests delete what they create, so after the run it must be empty again; whatever is left fails the run.
test_tmp=$(mktemp -d "${TMPDIR:-/tmp}/smartoverhalla-tests.XXXXXX")
trap 'rm -f "$log_file" "$SMARTOVERHALLA_FAULT_REPORT"; rm -rf "$test_tmp"' EXIT
status=0

# Pids of processes started under this run's temp directory (TMPDIR=$test_tmp in their environment) that still run.
run_processes() {
  local environ
  for environ in /proc/[0-9]*/environ; do
    # Kernel threads and processes that just ended have no readable environment: skipped quietly.
    if { tr '\0' '\n' < "$environ"; } 2>/dev/null | grep -qxF "TMPDIR=$test_tmp"; then
      environ=${environ#/proc/}
      echo "${environ%/environ}"
    fi
  done
}

dotnet build SmartOverhalla.sln -c Release -nologo -clp:ErrorsOnly
# One test project at a time (-m:1): the integration tests start real servers, and on a 2-core machine
# several projects doing so at once only make each other slow. TMPDIR is set for the test processes only (a
# run setting), not for dotnet and MSBuild themselves, whose own temp files are not the tests' business.
tmp_setting="RunConfiguration.EnvironmentVariables.TMPDIR=$test_tmp"
case " $* " in
  *" -- "*) run_settings=("$tmp_setting") ;;  # the caller's arguments already end in run settings
  *) run_settings=(-- "$tmp_setting") ;;
esac
dotnet test SmartOverhalla.sln -c Release --no-build -m:1 --logger "console;verbosity=normal" "$@" "${run_settings[@]}" 2>&1 | tee "$log_file" || status=$?

# A server a test started and never stopped (its test process crashed, or it was not disposed) would go on writing
# into the temp directory (logs, Mosquitto's autosave) after this check: kill those first, by pid. SIGKILL, because a
# server stopped politely writes once more on its way out (Mosquitto saves its persistence file).
stragglers=$(run_processes)
if [ -n "$stragglers" ]; then
  echo "Processes the tests started and left running (killed now): $(echo $stragglers)"
  kill -KILL $stragglers 2>/dev/null || true
  for _ in $(seq 1 100); do
    [ -z "$(run_processes)" ] && break
    sleep 0.1
  done
  [ "$status" -ne 0 ] || status=1
fi

leftovers=$(find "$test_tmp" -mindepth 1 -maxdepth 1 -printf '%f\n' | sort)
if [ -n "$leftovers" ]; then
  echo "The tests left $(echo "$leftovers" | wc -l) entries in their temp directory $test_tmp (tests delete what they create); the first 20:"
  echo "$leftovers" | head -n 20 | sed 's/^/  /'
  [ "$status" -ne 0 ] || status=1
fi

if [ -s "$SMARTOVERHALLA_FAULT_REPORT" ]; then
  echo "Fault tests (every message counted per device and timestamp in InfluxDB):"
  sed 's/^/  /' "$SMARTOVERHALLA_FAULT_REPORT"
fi

# Each failed test again at the end, with the first lines of its message, where the tail of a CI log shows it.
if grep -q '^  Failed ' "$log_file"; then
  echo "Failed tests:"
  awk '/^  Failed / { n = 10 } /^  Stack Trace:/ { n = 0 } n > 0 { print "  " $0; n-- }' "$log_file"
fi

# One closing line over all test projects, in the plain form CI tools read: "N passed, N failed".
awk '/^ *Passed: *[0-9]+$/ { p += $2 } /^ *Failed: *[0-9]+$/ { f += $2 } /^ *Skipped: *[0-9]+$/ { s += $2 }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log_file"
exit "$status"
