#!/usr/bin/env bash
# Starts and stops the project's own InfluxDB and Mosquitto on 127.0.0.1, with the configs under
# deploy/ and data under .data/ (never the system services, never a system path).
#
#   deploy/servers.sh start influxdb|mosquitto|all
#   deploy/servers.sh stop  influxdb|mosquitto|all
#   deploy/servers.sh status
#
# Ports: SMARTOVERHALLA_INFLUX_PORT (default 8086), SMARTOVERHALLA_MQTT_PORT (default 1883).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

INFLUX_PORT=${SMARTOVERHALLA_INFLUX_PORT:-8086}
INFLUX_RPC_PORT=${SMARTOVERHALLA_INFLUX_RPC_PORT:-8088}
MQTT_PORT=${SMARTOVERHALLA_MQTT_PORT:-1883}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start_influxdb() {
  local dir=$DATA_ROOT/influxdb pidfile=$DATA_ROOT/influxdb/influxd.pid
  mkdir -p "$dir"
  if pid_alive "$pidfile"; then log "InfluxDB already running (pid $(cat "$pidfile"))"; return; fi
  if tcp_open "$INFLUX_PORT"; then log "port $INFLUX_PORT is taken by another program; set SMARTOVERHALLA_INFLUX_PORT"; return 1; fi
  render "$REPO_ROOT/deploy/influxdb/influxdb.conf.template" "$dir/influxdb.conf" \
    DATA_DIR="$dir" HTTP_PORT="$INFLUX_PORT" RPC_PORT="$INFLUX_RPC_PORT"
  # A session of its own: a Ctrl-C meant for the caller must not stop the database under it.
  setsid influxd run -config "$dir/influxdb.conf" >>"$dir/influxd.log" 2>&1 &
  echo $! >"$pidfile"
  wait_for "InfluxDB" 60 http_ok "$INFLUX_PORT" /ping || { tail -20 "$dir/influxd.log" >&2; return 1; }
  log "InfluxDB on http://127.0.0.1:$INFLUX_PORT (pid $(cat "$pidfile"), log $dir/influxd.log)"
}

start_mosquitto() {
  local dir=$DATA_ROOT/mosquitto pidfile=$DATA_ROOT/mosquitto/mosquitto.pid
  mkdir -p "$dir"
  if pid_alive "$pidfile"; then log "Mosquitto already running (pid $(cat "$pidfile"))"; return; fi
  if tcp_open "$MQTT_PORT"; then log "port $MQTT_PORT is taken by another program; set SMARTOVERHALLA_MQTT_PORT"; return 1; fi
  # Users and ACLs: the files the gateway writes from its device registry (Devices:Mosquitto:PasswordFile,
  # AclFile, PidFile=$pidfile); empty until it has, so nobody can log in before.
  local passwd=${SMARTOVERHALLA_MOSQUITTO_PASSWORD_FILE:-$dir/passwd} acl=${SMARTOVERHALLA_MOSQUITTO_ACL_FILE:-$dir/acl}
  [ -f "$passwd" ] || (umask 077; : >"$passwd")
  [ -f "$acl" ] || (umask 077; : >"$acl")
  rm -rf "$dir/conf.d"; mkdir -p "$dir/conf.d"
  render "$REPO_ROOT/deploy/mosquitto/mosquitto.conf.template" "$dir/mosquitto.conf" \
    DATA_DIR="$dir" PORT="$MQTT_PORT" RUN_USER="$(id -un)" CONF_DIR="$dir/conf.d"
  render "$REPO_ROOT/deploy/mosquitto/security.conf.template" "$dir/conf.d/security.conf" \
    PASSWORD_FILE="$passwd" ACL_FILE="$acl"
  # TLS listener for devices when a PEM certificate and key are given.
  if [ -n "${SMARTOVERHALLA_MQTT_TLS_CERT:-}" ]; then
    render "$REPO_ROOT/deploy/mosquitto/tls.conf.template" "$dir/conf.d/tls.conf" \
      TLS_PORT="${SMARTOVERHALLA_MQTT_TLS_PORT:-8883}" TLS_BIND="${SMARTOVERHALLA_MQTT_TLS_BIND:-127.0.0.1}" \
      CERT_FILE="$SMARTOVERHALLA_MQTT_TLS_CERT" KEY_FILE="${SMARTOVERHALLA_MQTT_TLS_KEY:?set SMARTOVERHALLA_MQTT_TLS_KEY with SMARTOVERHALLA_MQTT_TLS_CERT}"
  fi
  local bin; bin=$(command -v mosquitto || echo /usr/sbin/mosquitto)
  setsid "$bin" -c "$dir/mosquitto.conf" >>"$dir/mosquitto.log" 2>&1 &
  echo $! >"$pidfile"
  wait_for "Mosquitto" 30 tcp_open "$MQTT_PORT" || { tail -20 "$dir/mosquitto.log" >&2; return 1; }
  log "Mosquitto on mqtt://127.0.0.1:$MQTT_PORT (pid $(cat "$pidfile"), log $dir/mosquitto.log)"
}

stop_one() {
  local name=$1 pidfile=$2
  if pid_alive "$pidfile"; then
    local pid; pid=$(cat "$pidfile")
    kill "$pid"
    local deadline=$((SECONDS + 20))
    while kill -0 "$pid" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid"; fi
    log "$name stopped"
  fi
  rm -f "$pidfile"
}

stop_influxdb() { stop_one InfluxDB "$DATA_ROOT/influxdb/influxd.pid"; }
stop_mosquitto() { stop_one Mosquitto "$DATA_ROOT/mosquitto/mosquitto.pid"; }

status() {
  for s in influxdb/influxd mosquitto/mosquitto; do
    if pid_alive "$DATA_ROOT/$s.pid"; then echo "${s%%/*}: running (pid $(cat "$DATA_ROOT/$s.pid"))"; else echo "${s%%/*}: stopped"; fi
  done
}

action=${1:-status}; target=${2:-all}
case "$action:$target" in
  start:influxdb) start_influxdb ;;
  start:mosquitto) start_mosquitto ;;
  start:all) start_influxdb; start_mosquitto ;;
  stop:influxdb) stop_influxdb ;;
  stop:mosquitto) stop_mosquitto ;;
  stop:all) stop_mosquitto; stop_influxdb ;;
  status:*) status ;;
  *) echo "usage: $0 start|stop|status [influxdb|mosquitto|all]" >&2; exit 2 ;;
esac
