'use strict';
// DESIGN.md §13: intake over HTTP on real PostgreSQL, 16 concurrent clients: >= 300 complaints/s
// with p99 < 100 ms. Each request is a new complaint (its own externalRef), so every answer is a
// 201 that created a complaint, its citizen contact, its story and seven drafts in one transaction.
// Afterwards the rows are counted: a throughput figure with lost or doubled rows would be worthless.
const { randomUUID } = require('node:crypto');
const pg = require('pg');
const { createBenchDatabase, serverVersion } = require('./lib/db');
const { spawnServer } = require('./lib/server-child');
const { login } = require('./lib/http');
const { measure } = require('./lib/cannon');
const { runBench, fmt } = require('./lib/bench');

const CATEGORIES = ['curanmor', 'tawuran', 'kemacetan', 'pungli', 'kehilangan', 'kdrt'];

function complaintBody(n) {
  const hour = String(n % 10).padStart(2, '0');
  return JSON.stringify({
    externalRef: `BENCH-${randomUUID()}`,
    unitCode: 'POLSEK-KEBAYORAN-BARU',
    category: CATEGORIES[n % CATEGORIES.length],
    channel: 'whatsapp',
    receivedAt: `2026-11-10T${hour}:05:00Z`,
    resolvedAt: `2026-11-10T${hour}:50:00Z`,
    location: { subdistrict: 'Gunung', district: 'Kebayoran Baru', city: 'Jakarta Selatan' },
    summary: `Warga melaporkan gangguan di sekitar Jalan Sisingamangaraja, laporan nomor ${n}. Pelapor dapat dihubungi di 0812-3456-7890.`,
    resolution: 'Petugas piket tiba di lokasi, menangani laporan, dan memastikan situasi kembali kondusif.',
    stages: [{ at: `2026-11-10T${hour}:20:00Z`, label: 'Petugas tiba di lokasi' }],
    complainant: { name: 'Warga Bench', phone: '081234567890' },
    consent: { level: 'none', quote: false },
  });
}

runBench('intake', async (defer, log) => {
  const db = await createBenchDatabase();
  defer(() => db.drop());
  log(`database ${db.name} on PostgreSQL ${await serverVersion()}; booting the app`);
  // The dispatcher and the cron jobs stay out of the way: this measures intake alone.
  const app = await spawnServer({ kind: 'app', databaseUrl: db.url, env: { DISPATCH_INTERVAL_MS: '0', PARTNER_POLL_MINUTES: '0' } });
  defer(() => app.stop());
  const token = await login(app.baseUrl, 'operator.kebayoran', 'gaung-demo-2026');

  let n = 0;
  const result = await measure({
    url: `${app.baseUrl}/api/v1/complaints`,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    server: app,
    connections: 16,
    // autocannon calls this for every request: each one is a distinct complaint.
    requests: [{ setupRequest: (request) => ({ ...request, body: complaintBody(++n) }) }],
  });
  log(`intake: ${fmt.int(result.reqPerSec)} complaints/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${fmt.us(result.cpuPerRequest)} app CPU/request`);

  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  defer(() => client.end());
  const { rows: [counts] } = await client.query(`
    SELECT (SELECT count(*) FROM complaint)::int AS complaints,
           (SELECT count(DISTINCT external_ref) FROM complaint)::int AS refs,
           (SELECT count(*) FROM story WHERE kind = 'complaint')::int AS stories`);
  // Warm-up requests are real complaints too: every one sent is in the database, exactly once.
  const exact = counts.complaints === counts.refs && counts.stories === counts.complaints && counts.complaints >= result.requests;
  log(`rows: ${counts.complaints} complaints, ${counts.refs} distinct refs, ${counts.stories} stories (measured requests ${result.requests})`);

  const setting = `16 conn, ${result.duration} s`;
  return [
    {
      figure: `POST /api/v1/complaints on PostgreSQL, ${setting} (complaint + story + 7 drafts each): throughput`,
      ours: `${fmt.int(result.reqPerSec)}/s`,
      baseline: '300/s',
      baselineName: 'target',
      ratio: fmt.ratio(result.reqPerSec, 300),
      target: '>= 300 complaints/s',
      pass: result.reqPerSec >= 300,
    },
    {
      figure: `POST /api/v1/complaints, ${setting}: latency p99 (p50)`,
      ours: `${fmt.ms(result.p99)} (${fmt.ms(result.p50)})`,
      baseline: '100 ms',
      baselineName: 'target',
      ratio: fmt.ratio(result.p99, 100),
      target: 'p99 < 100 ms',
      pass: result.p99 < 100,
    },
    {
      figure: 'intake: every acknowledged complaint stored once, with its story',
      ours: exact ? 'yes' : `no (${counts.complaints} complaints, ${counts.refs} refs, ${counts.stories} stories)`,
      baseline: 'yes',
      baselineName: 'requirement',
      ratio: '',
      target: 'yes',
      pass: exact,
    },
  ];
});
