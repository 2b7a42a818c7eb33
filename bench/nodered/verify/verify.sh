#!/usr/bin/env bash
# End-to-end check of the Node-RED peer on 127.0.0.1 only: starts its own Mosquitto and InfluxDB 1.x in a temp
# folder, starts the peer with start.sh, publishes COUNT messages and checks that InfluxDB holds exactly COUNT
# streetlight points. Stops what it started (by PID) and deletes the temp folder.
# usage: verify/verify.sh [COUNT=20000] [DEVICES=100]
# needs: /usr/sbin/mosquitto, /usr/bin/influxd (1.x), curl, node
set -euo pipefail
count="${1:-20000}"
devices="${2:-100}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/install.sh"

tmp="$(mktemp -d /tmp/so-nodered-verify.XXXXXX)"
pids=()
cleanup() {
    local pid
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    done
    rm -rf "$tmp"
}
trap cleanup EXIT

read -r mqtt_port influx_port rpc_port nr_port < <(node -e '
const net = require("net");
Promise.all([0, 1, 2, 3].map(() => new Promise((ok) => { const s = net.createServer(); s.listen(0, "127.0.0.1", () => ok(s)); })))
  .then((ss) => { console.log(ss.map((s) => s.address().port).join(" ")); ss.forEach((s) => s.close()); });')

cat > "$tmp/mosquitto.conf" <<CONF
listener $mqtt_port 127.0.0.1
allow_anonymous true
max_queued_messages 0
persistence false
log_dest stdout
log_type error
log_type warning
CONF
mkdir -p "$tmp/influx/meta" "$tmp/influx/data" "$tmp/influx/wal"
cat > "$tmp/influxdb.conf" <<CONF
reporting-disabled = true
bind-address = "127.0.0.1:$rpc_port"
[meta]
  dir = "$tmp/influx/meta"
[data]
  dir = "$tmp/influx/data"
  wal-dir = "$tmp/influx/wal"
  query-log-enabled = false
[http]
  bind-address = "127.0.0.1:$influx_port"
  log-enabled = false
[monitor]
  store-enabled = false
CONF
/usr/sbin/mosquitto -c "$tmp/mosquitto.conf" > "$tmp/mosquitto.log" 2>&1 & pids+=($!)
/usr/bin/influxd -config "$tmp/influxdb.conf" > "$tmp/influxd.log" 2>&1 & pids+=($!)
influx="http://127.0.0.1:$influx_port"
for _ in $(seq 1 100); do curl -sf "$influx/ping" >/dev/null && break; sleep 0.1; done
curl -sf -XPOST "$influx/query" --data-urlencode 'q=CREATE DATABASE bench' >/dev/null

started=$(date +%s%N)
NODERED_MQTT_HOST=127.0.0.1 NODERED_MQTT_PORT=$mqtt_port NODERED_INFLUX_URL=$influx NODERED_INFLUX_DB=bench \
NODERED_PORT=$nr_port NODERED_USER_DIR="$tmp/nodered" \
    "$here/start.sh" > "$tmp/nodered.log" 2>&1 & pids+=($!)
for _ in $(seq 1 300); do grep -q '^NODERED-PEER-READY ' "$tmp/nodered.log" && break; sleep 0.1; done
if ! grep -q '^NODERED-PEER-READY ' "$tmp/nodered.log"; then
    echo "Node-RED did not become ready in 30 s:" >&2; cat "$tmp/nodered.log" >&2; exit 1
fi
echo "ready after $(( ($(date +%s%N) - started) / 1000000 )) ms; GET /bench/ready: $(curl -s "http://127.0.0.1:$nr_port/bench/ready")"

started=$(date +%s%N)
node "$here/verify/publish.js" "$mqtt_port" "$count" "$devices" verify
status=0
node "$here/verify/wait-count.js" "$influx" bench verify "$count" 120 || status=$?
ms=$(( ($(date +%s%N) - started) / 1000000 ))
echo "end to end (first publish to last point counted in InfluxDB): $ms ms = $(( count * 1000 / (ms > 0 ? ms : 1) )) msg/s"
echo "--- Node-RED log"; cat "$tmp/nodered.log"
exit $status
