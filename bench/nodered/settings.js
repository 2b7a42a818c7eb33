// Node-RED settings for the SmartOverhalla benchmark peer (issue 13).
// Everything that differs between runs comes from environment variables; see README.md.
// The flow (flows.json) reads the derived values below through Node-RED's "${VAR}" node properties,
// so this file fills in defaults and splits NODERED_INFLUX_URL into host and port before the flow starts.
"use strict";

const path = require("path");

function env(name, fallback) {
    const value = process.env[name];
    return value === undefined || value === "" ? fallback : value;
}

process.env.NODERED_MQTT_HOST = env("NODERED_MQTT_HOST", "127.0.0.1");
process.env.NODERED_MQTT_PORT = env("NODERED_MQTT_PORT", "1883");
process.env.NODERED_MQTT_CLIENT_ID = env("NODERED_MQTT_CLIENT_ID", "smartoverhalla-bench-nodered");
// The broker connection's birth message goes to this topic; the flow subscribes to it on the same
// connection, so its echo proves the telemetry subscription was processed by the broker (see README).
process.env.NODERED_READY_TOPIC = env("NODERED_READY_TOPIC",
    "smartoverhalla/bench/nodered/" + process.env.NODERED_MQTT_CLIENT_ID + "/ready");

// node-red-contrib-influxdb's 1.x config node takes a host name and a port, not a URL.
const influxUrl = new URL(env("NODERED_INFLUX_URL", "http://127.0.0.1:8086"));
if (influxUrl.protocol !== "http:") {
    throw new Error("NODERED_INFLUX_URL must be an http:// URL, got " + influxUrl.href);
}
process.env.NODERED_INFLUX_HOST = influxUrl.hostname.replace(/^\[(.*)\]$/, "$1");
process.env.NODERED_INFLUX_PORT = influxUrl.port || "80";
process.env.NODERED_INFLUX_DB = env("NODERED_INFLUX_DB", "bench");

// The join node: a batch is written when it holds this many points, or this many seconds after its first point.
process.env.NODERED_BATCH_SIZE = env("NODERED_BATCH_SIZE", "5000");
process.env.NODERED_BATCH_TIMEOUT_S = env("NODERED_BATCH_TIMEOUT_S", "1");

const port = parseInt(env("NODERED_PORT", "1880"), 10);
if (!(port > 0 && port < 65536)) {
    throw new Error("NODERED_PORT must be a TCP port, got " + process.env.NODERED_PORT);
}

const READY_MARKER = "NODERED-PEER-READY";

module.exports = {
    uiHost: "127.0.0.1",
    uiPort: port,
    userDir: path.resolve(env("NODERED_USER_DIR", path.join(__dirname, ".userdir"))),
    flowFile: path.join(__dirname, "flows.json"),
    flowFilePretty: true,
    // No credentials are stored (anonymous broker, InfluxDB without auth): never prompt for or generate a key.
    credentialSecret: false,

    logging: {
        console: {
            level: env("NODERED_LOG_LEVEL", "warn"),
            metrics: false,
            audit: false,
        },
        // Prints the readiness line whatever the console level is: the flow's "readiness" function node
        // logs (info) when the broker echoes the birth message back; see README.md "Readiness".
        readiness: {
            level: "info",
            metrics: false,
            audit: false,
            handler: function () {
                return function (msg) {
                    if (msg.type === "function" && msg.name === "readiness") {
                        process.stdout.write(READY_MARKER + " " + msg.msg + "\n");
                    }
                };
            },
        },
    },

    editorTheme: {
        projects: { enabled: false },
        tours: false,
        palette: { catalogues: [] },
    },
    externalModules: {
        autoInstall: false,
        palette: { allowInstall: false },
        modules: { allowInstall: false },
    },
    // Never contact anything but the broker and InfluxDB given above.
    telemetry: { enabled: false, updateNotification: false },
    diagnostics: { enabled: false, ui: false },
    runtimeState: { enabled: false, ui: false },

    functionExternalModules: false,
    exportGlobalContextKeys: false,
    mqttReconnectTime: 1000,
};
