#!/usr/bin/env bash
# Starts the whole SmartOverhalla platform locally, with simulated devices:
#   InfluxDB (Debian package, own config and data under .data/), the gateway with its embedded MQTT
#   broker, the ingestion worker, the analytics host and the simulators. Installs what is missing first.
# Prints where to look, then a one-line summary every few seconds. Ctrl-C stops everything it started.
#
#   ./run.sh [simulator options]     e.g. ./run.sh --streetlights 500 --watermeters 200 --ploughs 5
#                                    (without options: --streetlights 200 --watermeters 100 --ploughs 4
#                                     --districts 2 --water-leaks 1)
#   ./run.sh --help                  lists the simulator options
#
# Ports (environment): SMARTOVERHALLA_INFLUX_PORT (8086), SMARTOVERHALLA_MQTT_PORT (1883),
# SMARTOVERHALLA_HTTP_PORT (5080). API key: SMARTOVERHALLA_API_KEY (an admin key for this local run;
# a new random one is made at each start when it is not set, and printed).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source deploy/lib.sh

INFLUX_PORT=${SMARTOVERHALLA_INFLUX_PORT:-8086}
MQTT_PORT=${SMARTOVERHALLA_MQTT_PORT:-1883}
HTTP_PORT=${SMARTOVERHALLA_HTTP_PORT:-5080}
LOGS=$DATA_ROOT/logs
# The gateway's HTTP API needs a key; the gateway is given only its SHA-256 (Security/README.md).
API_KEY=${SMARTOVERHALLA_API_KEY:-$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')}
API_KEY_HASH=$(printf '%s' "$API_KEY" | sha256sum | cut -d' ' -f1)
BUILD=$DATA_ROOT/build
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ "${1:-}" = "--help" ] || [ "${1:-}" = "-h" ]; then
  sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'
  echo
  deploy/install.sh >/dev/null
  dotnet run --project simulators/SmartOverhalla.Simulators -v q -- --help
  exit 0
fi

deploy/install.sh
for port in "$MQTT_PORT" "$HTTP_PORT"; do
  if tcp_open "$port"; then log "port $port is in use by another program (see the port variables at the top of run.sh)"; exit 1; fi
done

log "building (Release)"
mkdir -p "$LOGS"
for app in gateway/SmartOverhalla.Gateway ingestion/SmartOverhalla.Ingestion analytics/SmartOverhalla.Analytics simulators/SmartOverhalla.Simulators; do
  dotnet build "$app" -c Release -o "$BUILD/$(basename "$app")" -v q -nologo -clp:ErrorsOnly >"$LOGS/build.log" 2>&1 || { cat "$LOGS/build.log" >&2; exit 1; }
done

pids=()
stopping=0
stop_all() {
  [ "$stopping" = 1 ] && return; stopping=1
  echo
  log "stopping"
  # Simulators first (devices say offline), then analytics (a window cut short is computed again at the next start),
  # then the worker (it stores what it holds), then the gateway.
  local i
  for (( i=${#pids[@]}-1; i>=0; i-- )); do
    kill -TERM "${pids[$i]}" 2>/dev/null || true
    local deadline=$((SECONDS + 20))
    while kill -0 "${pids[$i]}" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.2; done
    kill -KILL "${pids[$i]}" 2>/dev/null || true
  done
  SMARTOVERHALLA_INFLUX_PORT=$INFLUX_PORT deploy/servers.sh stop influxdb
  log "stopped"
}
trap 'stop_all; exit 0' INT TERM
trap 'stop_all' EXIT

SMARTOVERHALLA_INFLUX_PORT=$INFLUX_PORT deploy/servers.sh start influxdb

export InfluxDb__Url="http://127.0.0.1:$INFLUX_PORT/"
# One zones file for lighting control (gateway) and the savings (analytics): the repository's, so an edit reaches both.
export Lighting__ZonesFile="$PWD/domains/SmartOverhalla.Lighting/lighting-zones.yaml"
export Mqtt__Host=127.0.0.1 Mqtt__Port=$MQTT_PORT

# Device identity (README "Device identity and ACLs"): the broker refuses anonymous clients. Local secrets are
# made once, kept in .data/secrets.env (mode 600), and passed to each service through its environment only:
# the fleet key from which the gateway registers the simulated devices and each device derives its own
# password, and the ingestion worker's MQTT password. The gateway's own password is made up at each start.
SECRETS=$DATA_ROOT/secrets.env
if [ ! -f "$SECRETS" ]; then
  (umask 077; {
    echo "SMARTOVERHALLA_FLEET_KEY=$(head -c 32 /dev/urandom | base64 | tr -d '=+/\n')"
    echo "SMARTOVERHALLA_INGESTION_MQTT_PASSWORD=$(head -c 32 /dev/urandom | base64 | tr -d '=+/\n')"
  } >"$SECRETS")
fi
# Added after the first version of the file: the analytics host's API key (role service), for the alerts it reports.
if ! grep -q '^SMARTOVERHALLA_ANALYTICS_API_KEY=' "$SECRETS"; then
  echo "SMARTOVERHALLA_ANALYTICS_API_KEY=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')" >>"$SECRETS"
fi
# Added with LoRaWAN (README "Connecting a LoRaWAN network server"): the network server's MQTT password (the simulators
# speak as ChirpStack or The Things Stack with --lorawan) and the ingestion worker's API key (role service) for the
# registry's DevEUI list.
if ! grep -q '^SMARTOVERHALLA_NETWORK_SERVER_MQTT_PASSWORD=' "$SECRETS"; then
  echo "SMARTOVERHALLA_NETWORK_SERVER_MQTT_PASSWORD=$(head -c 32 /dev/urandom | base64 | tr -d '=+/\n')" >>"$SECRETS"
fi
if ! grep -q '^SMARTOVERHALLA_INGESTION_API_KEY=' "$SECRETS"; then
  echo "SMARTOVERHALLA_INGESTION_API_KEY=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')" >>"$SECRETS"
fi
source "$SECRETS"
# One uplink mapping file for the gateway and the ingestion worker: the repository's (the simulators' profiles).
export LoRaWan__MappingFile="$PWD/deploy/lorawan/uplink-mapping.yaml"
if [ $# -eq 0 ]; then
  # A small town's worth of devices by default; pass simulator options to change it.
  # Water meters in two district metered areas (each with an inflow meter), one of them with a leak drawn by the seed.
  set -- --streetlights 200 --watermeters 100 --ploughs 4 --districts 2 --water-leaks 1
fi
# The fleet the simulators will run, as the gateway's import list (each device registered once, with its
# fleet-key secret's hash), and the water meters' registry (district, synthetic address) for the gateway.
dotnet "$BUILD/SmartOverhalla.Simulators/SmartOverhalla.Simulators.dll" "$@" --write-fleet "$DATA_ROOT/fleet.csv" \
  --write-water-registry "$DATA_ROOT/water-meters.csv" >"$LOGS/fleet.log" 2>&1 \
  || { cat "$LOGS/fleet.log" >&2; exit 1; }

# start NAME DLL [ARGS...]: runs a service in its build folder (where its appsettings.json is), in a
# session of its own, so Ctrl-C reaches only this script, which then stops everything in order.
start() {
  local name=$1 dll=$2; shift 2
  (cd "$(dirname "$dll")" && exec setsid dotnet "$dll" "$@") >"$LOGS/$name.log" 2>&1 &
  pids+=($!)
}

Urls="http://127.0.0.1:$HTTP_PORT" Broker__Embedded__Port=$MQTT_PORT \
  ApiKeys__Keys__local_admin__Hash=$API_KEY_HASH ApiKeys__Keys__local_admin__Roles=admin,household \
  ApiKeys__Keys__analytics__Hash=$(printf '%s' "$SMARTOVERHALLA_ANALYTICS_API_KEY" | sha256sum | cut -d' ' -f1) ApiKeys__Keys__analytics__Roles=service \
  ApiKeys__Keys__ingestion__Hash=$(printf '%s' "$SMARTOVERHALLA_INGESTION_API_KEY" | sha256sum | cut -d' ' -f1) ApiKeys__Keys__ingestion__Roles=service \
  Broker__Accounts__NetworkServer__Password="$SMARTOVERHALLA_NETWORK_SERVER_MQTT_PASSWORD" \
  Devices__RegistryFile="$DATA_ROOT/devices/device-registry.json" Devices__ImportFile="$DATA_ROOT/fleet.csv" \
  Lighting__StateFile="$DATA_ROOT/gateway/lighting-state.json" \
  Water__Registry__File="$DATA_ROOT/gateway/water-meters.json" Water__Registry__ImportFile="$DATA_ROOT/water-meters.csv" \
  Water__Notices__File="$DATA_ROOT/gateway/water-notices.json" \
  Devices__FleetKey="$SMARTOVERHALLA_FLEET_KEY" Broker__Accounts__Ingestion__Password="$SMARTOVERHALLA_INGESTION_MQTT_PASSWORD" \
  start gateway "$BUILD/SmartOverhalla.Gateway/SmartOverhalla.Gateway.dll"
wait_for "gateway" 60 http_ok "$HTTP_PORT" /health/live || { tail -30 "$LOGS/gateway.log" >&2; exit 1; }
Mqtt__Username=smartoverhalla-ingestion Mqtt__Password="$SMARTOVERHALLA_INGESTION_MQTT_PASSWORD" \
  LoRaWan__GatewayUrl="http://127.0.0.1:$HTTP_PORT/" LoRaWan__ApiKey="$SMARTOVERHALLA_INGESTION_API_KEY" \
  LoRaWan__DirectoryCacheFile="$DATA_ROOT/ingestion/lorawan-devices.json" \
  start ingestion "$BUILD/SmartOverhalla.Ingestion/SmartOverhalla.Ingestion.dll"
Analytics__InstanceName=analytics-local \
  Analytics__Alerts__GatewayUrl="http://127.0.0.1:$HTTP_PORT/" Analytics__Alerts__ApiKey="$SMARTOVERHALLA_ANALYTICS_API_KEY" \
  start analytics "$BUILD/SmartOverhalla.Analytics/SmartOverhalla.Analytics.dll"
Simulators__FleetKey="$SMARTOVERHALLA_FLEET_KEY" Simulators__NetworkServer__Password="$SMARTOVERHALLA_NETWORK_SERVER_MQTT_PASSWORD" \
  start simulators "$BUILD/SmartOverhalla.Simulators/SmartOverhalla.Simulators.dll" "$@"

cat <<TXT

SmartOverhalla is running.
  Gateway health   http://127.0.0.1:$HTTP_PORT/health
  Gateway API doc  http://127.0.0.1:$HTTP_PORT/openapi/v1.json
  Gateway API key  $API_KEY   (name local_admin, roles admin and household, the latter for the
                   synthetic addresses; set SMARTOVERHALLA_API_KEY to keep one)
                   curl -H "X-Api-Key: $API_KEY" http://127.0.0.1:$HTTP_PORT/api/v1/lighting/zones
  MQTT broker      mqtt://127.0.0.1:$MQTT_PORT   (embedded in the gateway; devices log in with
                   their own credentials, see http://127.0.0.1:$HTTP_PORT/api/v1/devices)
  InfluxDB         http://127.0.0.1:$INFLUX_PORT   database 'smartoverhalla'
                   curl -G http://127.0.0.1:$INFLUX_PORT/query --data-urlencode db=smartoverhalla \\
                        --data-urlencode "q=SELECT * FROM streetlight ORDER BY time DESC LIMIT 5"
  Analytics        derived series in the same database: lighting savings per zone and day (hourly), water
                   consumption, balance and leaks per district (hourly / every 15 minutes);
                   curl -H "X-Api-Key: $API_KEY" "http://127.0.0.1:$HTTP_PORT/api/v1/water/balance?from=$(date +%Y-%m-01)&to=$(date +%F)"
                   backfill: dotnet $BUILD/SmartOverhalla.Analytics/SmartOverhalla.Analytics.dll backfill --help
  Logs             $LOGS/{gateway,ingestion,analytics,simulators}.log
Press Ctrl-C to stop.

TXT

# One summary line every few seconds, from the ingestion worker's own summary log
# (tail ends with this script).
tail -n 0 -F --pid=$$ "$LOGS/ingestion.log" 2>/dev/null | grep --line-buffered -o 'Summary: .*' | sed -u 's/^Summary: //' &

# Stay up until Ctrl-C, or until the gateway, the worker or analytics dies. Simulators may finish on their own
# (--messages-per-device).
simulators_done=0
while true; do
  for pid in "${pids[0]}" "${pids[1]}" "${pids[2]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "a service stopped unexpectedly; see $LOGS"
      exit 1
    fi
  done
  if [ "$simulators_done" = 0 ] && ! kill -0 "${pids[3]}" 2>/dev/null; then
    simulators_done=1
    log "the simulators have finished (see $LOGS/simulators.log); the platform keeps running"
  fi
  sleep 1
done
