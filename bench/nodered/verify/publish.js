// Publishes COUNT streetlight telemetry messages (MQTT v5, QoS 1, up to 500 unacknowledged) to 127.0.0.1:PORT,
// spread over DEVICES devices of MUNICIPALITY, each device's "ts" 10 ms apart, so every message is its own point.
// usage: node publish.js PORT COUNT DEVICES MUNICIPALITY
// Uses the mqtt package that node-red depends on (pinned by package-lock.json).
"use strict";
const mqtt = require("../node_modules/mqtt");

const [port, count, devices] = process.argv.slice(2, 5).map(Number);
const municipality = process.argv[5];
if (!(port > 0) || !(count > 0) || !(devices > 0) || !municipality) {
    console.error("usage: node publish.js PORT COUNT DEVICES MUNICIPALITY");
    process.exit(2);
}

const client = mqtt.connect({ host: "127.0.0.1", port, protocolVersion: 5, clientId: "bench-verify-pub-" + process.pid, clean: true });
client.on("error", (e) => { console.error("publish.js: " + e.message); process.exit(1); });
client.on("connect", () => {
    const base = Date.parse("2026-12-07T10:00:00.000Z");
    const started = Date.now();
    let sent = 0, acked = 0, inflight = 0;
    const pump = () => {
        while (inflight < 500 && sent < count) {
            const i = sent++;
            const device = "lb-" + String(i % devices).padStart(4, "0");
            const seq = Math.floor(i / devices);
            const payload = JSON.stringify({
                deviceId: device, ts: new Date(base + seq * 10).toISOString(), dimLevel: seq % 101,
                powerW: 20 + (seq % 7), energyKWh: 1000 + seq / 1000, lampOn: seq % 2 === 0,
            });
            inflight++;
            client.publish(`smartcity/v1/${municipality}/streetlight/${device}/telemetry`, payload, { qos: 1 }, (err) => {
                if (err) { console.error("publish.js: " + err.message); process.exit(1); }
                inflight--;
                if (++acked === count) {
                    const s = (Date.now() - started) / 1000;
                    console.log(`published ${count} messages (QoS 1, all acknowledged by the broker) in ${s.toFixed(2)} s = ${Math.round(count / s)} msg/s`);
                    client.end(false, () => process.exit(0));
                } else {
                    pump();
                }
            });
        }
    };
    pump();
});
