#!/usr/bin/env bash
# Installs what SmartOverhalla needs on a fresh Debian/Ubuntu machine, only where it is missing:
# Mosquitto 2 (server and clients) and InfluxDB 1.x from Debian's packages. The system services they ship are not
# used (deploy/servers.sh starts the project's own instances on 127.0.0.1).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

missing=()
command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] || missing+=(mosquitto)
command -v influxd >/dev/null 2>&1 || missing+=(influxdb)
# mosquitto_pub and mosquitto_sub: the README's examples, and the tests that publish as a person would.
command -v mosquitto_pub >/dev/null 2>&1 || missing+=(mosquitto-clients)
if [ "${1:-}" = "--with-compose" ]; then
  command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
fi
if ! command -v dotnet >/dev/null 2>&1; then
  log "the .NET SDK is required (https://learn.microsoft.com/dotnet/core/install/linux); install it first"
  exit 1
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
log "installing ${missing[*]} from Debian packages"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
# policy-rc.d keeps the packages' own system services from starting: we run our own instances.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee /usr/sbin/policy-rc.d >/dev/null
  "${sudo[@]}" chmod +x /usr/sbin/policy-rc.d
  trap '"${sudo[@]}" rm -f /usr/sbin/policy-rc.d' EXIT
fi
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
log "installed ${missing[*]}"
