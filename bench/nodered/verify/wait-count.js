// Polls InfluxDB 1.x every 100 ms until SELECT COUNT(dimLevel) FROM streetlight WHERE municipality=... reaches
// EXPECTED, or TIMEOUT_S passes; prints the count and exits 0 when it equals EXPECTED.
// usage: node wait-count.js INFLUX_URL DB MUNICIPALITY EXPECTED TIMEOUT_S
"use strict";
const [url, db, municipality, expectedArg, timeoutArg] = process.argv.slice(2);
const expected = Number(expectedArg), deadline = Date.now() + Number(timeoutArg) * 1000;
const q = `SELECT COUNT(dimLevel) FROM streetlight WHERE municipality='${municipality.replace(/'/g, "\\'")}'`;
const target = new URL("/query", url);
target.searchParams.set("db", db);
target.searchParams.set("q", q);

async function count() {
    const res = await fetch(target);
    const body = await res.json();
    const r = body.results && body.results[0];
    return r && r.series ? r.series[0].values[0][1] : 0;
}

(async () => {
    let n = 0;
    for (;;) {
        n = await count();
        if (n >= expected || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 100));
    }
    console.log(`count(${municipality})=${n} expected=${expected}`);
    process.exit(n === expected ? 0 : 1);
})().catch((e) => { console.error("wait-count.js: " + e.message); process.exit(1); });
