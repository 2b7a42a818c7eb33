#!/usr/bin/env bash
# Starts the Node-RED benchmark peer in the foreground: installs the npm packages if needed, then
# exec's Node-RED, so the PID of this script becomes Node-RED's PID (stop it with SIGTERM / SIGINT).
# Configuration: NODERED_MQTT_HOST, NODERED_MQTT_PORT, NODERED_INFLUX_URL, NODERED_INFLUX_DB, NODERED_PORT,
# NODERED_USER_DIR (and optional NODERED_MQTT_CLIENT_ID, NODERED_BATCH_SIZE, NODERED_BATCH_TIMEOUT_S,
# NODERED_LOG_LEVEL); see README.md. Ready when stdout shows a line starting with "NODERED-PEER-READY".
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/install.sh"
if [[ -n "${NODERED_USER_DIR:-}" ]]; then
    mkdir -p "$NODERED_USER_DIR"
fi
export NODE_RED_DISABLE_TELEMETRY=1
exec node "$here/node_modules/node-red/red.js" --settings "$here/settings.js" --no-telemetry
