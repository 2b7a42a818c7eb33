# Shared helpers for the deploy scripts (sourced, not run).
# shellcheck shell=bash

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA_ROOT=${SMARTOVERHALLA_DATA:-$REPO_ROOT/.data}

log() { printf '[smartoverhalla] %s\n' "$*" >&2; }

# render TEMPLATE OUT KEY=VALUE... : fill {{KEY}} placeholders of a config template.
render() {
  local template=$1 out=$2; shift 2
  local content
  content=$(<"$template")
  local pair key value
  for pair in "$@"; do
    key=${pair%%=*}; value=${pair#*=}
    content=${content//\{\{$key\}\}/$value}
  done
  printf '%s\n' "$content" >"$out"
}

# wait_for DESCRIPTION SECONDS COMMAND... : poll a readiness check with a deadline.
wait_for() {
  local what=$1 seconds=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if (( SECONDS >= deadline )); then
      log "$what did not become ready within ${seconds}s"
      return 1
    fi
    sleep 0.2
  done
}

# tcp_open PORT : true when something accepts TCP connections on 127.0.0.1:PORT.
tcp_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# http_ok PORT PATH : true when GET http://127.0.0.1:PORT/PATH answers 2xx (plain bash: curl may be missing).
http_ok() {
  local port=$1 path=$2 status
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$path" >&3
  read -r -t 5 _ status _ <&3 || { exec 3<&-; return 1; }
  exec 3<&-
  [[ $status == 2* ]]
}
