'use strict';
// Issue 2: what a typical authenticated read costs. GET /api/v1/units as humas.metro (a Polda
// humas, who sees a subtree of several units: bearer lookup + one scoped query) against a bare
// node:http server sending the very same bytes. Both run in a child process; autocannon runs
// here with the same settings against each, so the client's CPU cost is the same on both sides.
const { createBenchDatabase, serverVersion } = require('./lib/db');
const { spawnServer } = require('./lib/server-child');
const { login, fetchBytes } = require('./lib/http');
const { measure } = require('./lib/cannon');
const { runBench, fmt } = require('./lib/bench');

runBench('units-api', async (defer, log) => {
  const db = await createBenchDatabase();
  defer(() => db.drop());
  log(`database ${db.name} on PostgreSQL ${await serverVersion()}; booting the app`);

  const app = await spawnServer({ kind: 'app', databaseUrl: db.url });
  defer(() => app.stop());
  const token = await login(app.baseUrl, 'humas.metro', 'gaung-demo-2026');
  const headers = { authorization: `Bearer ${token}` };
  const url = `${app.baseUrl}/api/v1/units`;

  const sample = await fetchBytes(url, headers);
  const { total } = JSON.parse(sample.body.toString('utf8'));
  if (!(total > 1)) throw new Error(`expected humas.metro to see several units, got ${total}`);
  log(`answer: ${total} units, ${sample.body.length} bytes, content-type ${sample.headers['content-type']}`);

  const bare = await spawnServer({ kind: 'bare', body: sample.body, headers: { 'content-type': sample.headers['content-type'] } });
  defer(() => bare.stop());

  log('measuring the app');
  const ours = await measure({ url, headers, server: app });
  log(`app: ${fmt.int(ours.reqPerSec)} req/s, p50 ${ours.p50} ms, p99 ${ours.p99} ms, ${fmt.us(ours.cpuPerRequest)} CPU/request`);
  log('measuring the bare server');
  // Same request headers: the bare server ignores them, but autocannon sends the same bytes.
  const base = await measure({ url: `${bare.baseUrl}/api/v1/units`, headers, server: bare });
  log(`bare: ${fmt.int(base.reqPerSec)} req/s, p50 ${base.p50} ms, p99 ${base.p99} ms, ${fmt.us(base.cpuPerRequest)} CPU/request`);

  const setting = `${ours.connections} conn, ${ours.duration} s`;
  const baselineName = 'bare node:http, same bytes';
  return [
    {
      figure: `GET /api/v1/units as humas.metro (${total} units, ${sample.body.length} B), ${setting}: throughput`,
      ours: `${fmt.int(ours.reqPerSec)} req/s`,
      baseline: `${fmt.int(base.reqPerSec)} req/s`,
      baselineName,
      ratio: fmt.ratio(ours.reqPerSec, base.reqPerSec),
      target: 'report',
      pass: true,
    },
    {
      figure: `GET /api/v1/units as humas.metro, ${setting}: latency p99 (p50)`,
      ours: `${fmt.ms(ours.p99)} (${fmt.ms(ours.p50)})`,
      baseline: `${fmt.ms(base.p99)} (${fmt.ms(base.p50)})`,
      baselineName,
      ratio: fmt.ratio(ours.p99, base.p99),
      target: 'report',
      pass: true,
    },
    {
      // Server process only (PostgreSQL's own CPU is not in it); steadier than req/s on a shared machine.
      figure: 'GET /api/v1/units as humas.metro: server CPU per request',
      ours: fmt.us(ours.cpuPerRequest),
      baseline: fmt.us(base.cpuPerRequest),
      baselineName,
      ratio: fmt.ratio(ours.cpuPerRequest, base.cpuPerRequest),
      target: 'report',
      pass: true,
    },
  ];
});
