#!/usr/bin/env bash
# Container health check of the SmartOverhalla .NET images (HEALTHCHECK in deploy/docker/*.Dockerfile and
# healthcheck in docker-compose.yml). The .NET runtime images have no curl or wget; bash, coreutils and
# /proc are enough, so nothing is installed for it.
#
#   healthcheck.sh http PORT PATH      GET http://127.0.0.1:PORT/PATH answers 2xx          (gateway)
#   healthcheck.sh mqtt                an MQTT connection to the broker is established     (simulators)
#   healthcheck.sh ingestion           mqtt, and this worker's self-metrics point in InfluxDB
#                                      is at most SMARTOVERHALLA_HEALTH_MAX_AGE old (30s)   (ingestion)
#   healthcheck.sh analytics           this instance's heartbeat point in InfluxDB is at most
#                                      SMARTOVERHALLA_HEALTH_MAX_AGE old (90s: it writes every 30 s)  (analytics)
#
# Settings come from the service's own environment: Mqtt__Port (1883); InfluxDb__Url, InfluxDb__Database,
# InfluxDb__Username, InfluxDb__Password; Ingestion__InstanceName, Analytics__InstanceName (default: the host name,
# as the services'). 
# Exit 0 healthy, 1 unhealthy, with one line saying why (docker inspect shows it).
set -uo pipefail

fail() { echo "unhealthy: $*"; exit 1; }

# http_get HOST PORT PATH [HEADER]: prints the status line's code, then the body. HTTP/1.0, so the server
# closes the connection after the response.
http_get() {
  local host=$1 port=$2 path=$3 header=${4:-}
  { exec 3<>"/dev/tcp/$host/$port"; } 2>/dev/null || return 1
  printf 'GET %s HTTP/1.0\r\nHost: %s\r\n%sConnection: close\r\n\r\n' "$path" "$host" "$header" >&3
  local status line
  read -r -t 5 _ status _ <&3 || { exec 3<&-; return 1; }
  # Skip the headers; the body follows the first empty line.
  while IFS= read -r -t 5 line <&3 && [ -n "${line%$'\r'}" ]; do :; done
  printf '%s\n' "$status"
  timeout 5 cat <&3
  exec 3<&-
}

check_http() {
  local port=$1 path=$2 status
  status=$(http_get 127.0.0.1 "$port" "$path" | head -n 1) || true
  [[ $status == 2* ]] || fail "GET http://127.0.0.1:$port$path answered '${status:-nothing}'"
}

# An ESTABLISHED TCP connection (state 01 in /proc/net/tcp*) to the broker's port means the service holds
# an MQTT connection (the network namespace is the container's, so only its own sockets are listed).
check_mqtt() {
  local port=${Mqtt__Port:-1883} port_hex remote state
  printf -v port_hex '%04X' "$port"
  while read -r _ _ remote state _; do
    if [[ $state == 01 && $remote == *:"$port_hex" ]]; then return 0; fi
  done < <(cat /proc/net/tcp /proc/net/tcp6 2>/dev/null)
  fail "no MQTT connection to port $port"
}

urlencode() {
  local text=$1 i c out=''
  for (( i = 0; i < ${#text}; i++ )); do
    c=${text:i:1}
    case $c in
      [A-Za-z0-9.~_-]) out+=$c ;;
      *) printf -v c '%%%02X' "'$c"; out+=$c ;;
    esac
  done
  printf '%s' "$out"
}

# check_self_metrics MEASUREMENT FIELD INSTANCE MAX_AGE: a point of MEASUREMENT with tag instance=INSTANCE at most
# MAX_AGE old shows that the service's loops run and that it can write to InfluxDB.
check_self_metrics() {
  local measurement=$1 field=$2 instance=$3 max_age=$4
  local url=${InfluxDb__Url:-http://127.0.0.1:8086/} db=${InfluxDb__Database:-smartoverhalla}
  local rest=${url#*://} hostport host port
  hostport=${rest%%/*}
  host=${hostport%:*}
  port=${hostport##*:}
  [ "$port" = "$hostport" ] && port=80
  local query="SELECT last(\"$field\") FROM \"$measurement\" WHERE \"instance\" = '$instance' AND time > now() - $max_age"
  local header=''
  if [ -n "${InfluxDb__Username:-}" ]; then
    header="Authorization: Basic $(printf '%s:%s' "$InfluxDb__Username" "${InfluxDb__Password:-}" | base64 -w 0)"$'\r\n'
  fi
  local response status
  response=$(http_get "$host" "$port" "/query?db=$(urlencode "$db")&q=$(urlencode "$query")" "$header") \
    || fail "InfluxDB at $host:$port does not answer"
  status=${response%%$'\n'*}
  [[ $status == 200 ]] || fail "InfluxDB query answered $status: ${response#*$'\n'}"
  [[ $response == *'"values"'* ]] || fail "no $measurement point of instance '$instance' in InfluxDB in the last $max_age"
}

# The worker writes its counters (measurement platform_ingestion) every few seconds.
check_ingestion() {
  check_mqtt
  check_self_metrics platform_ingestion received "${Ingestion__InstanceName:-$HOSTNAME}" "${SMARTOVERHALLA_HEALTH_MAX_AGE:-30s}"
}

# The analytics host writes its heartbeat (platform_analytics_instance) every 30 s, whether it owns partitions or not.
check_analytics() {
  check_self_metrics platform_analytics_instance partitions "${Analytics__InstanceName:-$HOSTNAME}" "${SMARTOVERHALLA_HEALTH_MAX_AGE:-90s}"
}

case ${1:-} in
  http) [ $# -eq 3 ] || fail "usage: $0 http PORT PATH"; check_http "$2" "$3" ;;
  mqtt) check_mqtt ;;
  ingestion) check_ingestion ;;
  analytics) check_analytics ;;
  *) echo "usage: $0 http PORT PATH | mqtt | ingestion | analytics" >&2; exit 2 ;;
esac
echo healthy
