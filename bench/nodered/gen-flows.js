// Not used at run time: writes flows.json (kept in the repo) from the readable function source below.
// Run `node gen-flows.js` after editing it.
"use strict";
const fs = require("fs");
const path = require("path");

const toPoint = `// smartcity/v1/{municipality}/streetlight/{device}/telemetry -> one InfluxDB point for the "influxdb batch" node.
// A message that does not fit is dropped (and counted in this node's context as "dropped").
const parts = typeof msg.topic === "string" ? msg.topic.split("/") : [];
const p = msg.payload;
const ts = p !== null && typeof p === "object" && typeof p.ts === "string" ? Date.parse(p.ts) : NaN;
if (parts.length !== 6 || parts[2] === "" || parts[4] === "" || !Number.isFinite(ts)
    || !Number.isInteger(p.dimLevel) || typeof p.powerW !== "number" || typeof p.energyKWh !== "number"
    || typeof p.lampOn !== "boolean") {
    context.set("dropped", (context.get("dropped") || 0) + 1);
    return null;
}
// The influx client writes a JS number as a float; the platform stores dimLevel as an integer (50i),
// and the client writes String(value) for a field it has no schema for, so this object makes "50i".
const dimLevel = p.dimLevel;
msg.payload = {
    measurement: "streetlight",
    tags: { municipality: parts[2], device: parts[4] },
    fields: {
        dimLevel: { toString: () => dimLevel + "i" },
        powerW: p.powerW,
        energyKWh: p.energyKWh,
        lampOn: p.lampOn,
    },
    timestamp: ts, // ms since the epoch; the batch node writes with precision "ms"
};
return msg;`;

const readiness = `// The broker connection's birth message came back: the broker has processed this connection's
// SUBSCRIBE packets (sent before the birth PUBLISH on the same connection), so telemetry is being received.
global.set("ready", true);
node.log("subscribed to smartcity/v1/+/streetlight/+/telemetry as " + env.get("NODERED_MQTT_CLIENT_ID")
    + "@" + env.get("NODERED_MQTT_HOST") + ":" + env.get("NODERED_MQTT_PORT")
    + ", writing to " + env.get("NODERED_INFLUX_HOST") + ":" + env.get("NODERED_INFLUX_PORT")
    + "/" + env.get("NODERED_INFLUX_DB"));
return null;`;

const notReady = `// The telemetry subscriber lost its connection: not ready until the next birth echo.
if (msg.status && msg.status.fill !== "green") {
    global.set("ready", false);
}
return null;`;

const readyEndpoint = `const ready = global.get("ready") === true;
msg.statusCode = ready ? 200 : 503;
msg.payload = ready ? "ready\\n" : "not ready\\n";
msg.headers = { "content-type": "text/plain" };
return msg;`;

const tab = "a1b2c3d4e5f60001";
const broker = "a1b2c3d4e5f60002";
const influx = "a1b2c3d4e5f60003";
const ids = {
    mqttIn: "a1b2c3d4e5f60010", toPoint: "a1b2c3d4e5f60011", join: "a1b2c3d4e5f60012", batch: "a1b2c3d4e5f60013",
    readyIn: "a1b2c3d4e5f60020", readiness: "a1b2c3d4e5f60021", status: "a1b2c3d4e5f60022", notReady: "a1b2c3d4e5f60023",
    httpIn: "a1b2c3d4e5f60030", readyEndpoint: "a1b2c3d4e5f60031", httpOut: "a1b2c3d4e5f60032",
};

function fn(id, name, func, x, y, wires) {
    return {
        id, type: "function", z: tab, name, func, outputs: 1, timeout: 0, noerr: 0,
        initialize: "", finalize: "", libs: [], x, y, wires,
    };
}

const flows = [
    { id: tab, type: "tab", label: "SmartOverhalla bench peer", disabled: false,
      info: "mqtt in -> point -> join -> influxdb batch. See bench/nodered/README.md." },
    {
        id: broker, type: "mqtt-broker", name: "bench broker",
        broker: "${NODERED_MQTT_HOST}", port: "${NODERED_MQTT_PORT}", clientid: "${NODERED_MQTT_CLIENT_ID}",
        autoConnect: true, usetls: false, protocolVersion: "5", keepalive: "60",
        cleansession: false, autoUnsubscribe: false, sessionExpiry: "604800",
        birthTopic: "${NODERED_READY_TOPIC}", birthQos: "1", birthRetain: "false", birthPayload: "ready", birthMsg: {},
        closeTopic: "", closeQos: "0", closeRetain: "false", closePayload: "", closeMsg: {},
        willTopic: "", willQos: "0", willRetain: "false", willPayload: "", willMsg: {},
        userProps: "",
    },
    {
        id: influx, type: "influxdb", hostname: "${NODERED_INFLUX_HOST}", port: "${NODERED_INFLUX_PORT}",
        protocol: "http", database: "${NODERED_INFLUX_DB}", name: "bench influxdb", usetls: false, tls: "",
        influxdbVersion: "1.x", url: "", timeout: "10", rejectUnauthorized: true,
    },
    {
        id: ids.mqttIn, type: "mqtt in", z: tab, name: "telemetry", topic: "smartcity/v1/+/streetlight/+/telemetry",
        qos: "1", datatype: "json", broker, nl: false, rap: true, rh: 0, inputs: 0, x: 120, y: 80, wires: [[ids.toPoint]],
    },
    fn(ids.toPoint, "to point", toPoint, 300, 80, [[ids.join]]),
    {
        id: ids.join, type: "join", z: tab, name: "batch", mode: "custom", build: "array",
        property: "payload", propertyType: "msg", key: "topic", joiner: "\\n", joinerType: "str",
        useparts: false, accumulate: false, timeout: "${NODERED_BATCH_TIMEOUT_S}", count: "${NODERED_BATCH_SIZE}",
        reduceRight: false, reduceExp: "", reduceInit: "", reduceInitType: "", reduceFixup: "",
        x: 460, y: 80, wires: [[ids.batch]],
    },
    {
        id: ids.batch, type: "influxdb batch", z: tab, influxdb: influx, precision: "ms", retentionPolicy: "",
        name: "write", database: "", precisionV18FluxV20: "ms", retentionPolicyV18Flux: "", org: "", bucket: "",
        x: 630, y: 80, wires: [],
    },
    {
        id: ids.readyIn, type: "mqtt in", z: tab, name: "birth echo", topic: "${NODERED_READY_TOPIC}",
        qos: "1", datatype: "utf8", broker, nl: false, rap: true, rh: 0, inputs: 0, x: 120, y: 160, wires: [[ids.readiness]],
    },
    fn(ids.readiness, "readiness", readiness, 300, 160, [[]]),
    { id: ids.status, type: "status", z: tab, name: "telemetry status", scope: [ids.mqttIn], x: 130, y: 220, wires: [[ids.notReady]] },
    fn(ids.notReady, "not ready", notReady, 300, 220, [[]]),
    {
        id: ids.httpIn, type: "http in", z: tab, name: "", url: "/bench/ready", method: "get",
        upload: false, swaggerDoc: "", x: 130, y: 280, wires: [[ids.readyEndpoint]],
    },
    fn(ids.readyEndpoint, "ready?", readyEndpoint, 300, 280, [[ids.httpOut]]),
    { id: ids.httpOut, type: "http response", z: tab, name: "", statusCode: "", headers: {}, x: 460, y: 280, wires: [] },
];

fs.writeFileSync(path.join(__dirname, "flows.json"), JSON.stringify(flows, null, 4) + "\n");
console.log("wrote flows.json");
