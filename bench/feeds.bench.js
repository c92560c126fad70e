'use strict';
// Issue 8: a cached 50-item RSS feed (GET /feeds/rss.xml) and its 304 path (If-None-Match),
// against bare node:http servers sending the very same bytes and headers (200 with the body;
// 304 with the headers only), with the same autocannon settings, in one run. Target: the app
// reaches >= 50% of the bare server's requests/s on both. The feed is served from memory by the
// fast path in front of the Nest stack (src/feeds/cache/feed-cache.service.ts, app.factory.ts).
const http = require('node:http');
const { fork } = require('node:child_process');
const autocannon = require('autocannon');
const { Client } = require('pg');
const { createBenchDatabase, serverVersion } = require('./lib/db');
const { spawnServer } = require('./lib/server-child');
const { DEFAULTS } = require('./lib/cannon');
const { runBench, fmt } = require('./lib/bench');

const ITEMS = 50;
const CHILD = 'GAUNG_FEEDS_BENCH_BARE_304';

// ---- child: a bare server answering 304 with given headers (lib/bare-server.js only does 200) ----
if (process.env[CHILD]) {
  process.on('disconnect', () => process.exit(0));
  process.once('message', ({ headers }) => {
    const server = http.createServer((request, response) => {
      request.resume();
      response.writeHead(304, headers);
      response.end();
    });
    server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
    process.on('message', (message) => {
      if (message.cpu) process.send({ cpu: process.cpuUsage() });
      if (message.stop) process.exit(0);
    });
  });
  return;
}

function spawnBare304(headers) {
  const child = fork(__filename, [], { env: { ...process.env, [CHILD]: '1' }, stdio: ['ignore', 2, 2, 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bare 304 server exited with ${code}`)));
    child.once('message', ({ port }) => {
      child.removeAllListeners('exit');
      resolve({
        baseUrl: `http://127.0.0.1:${port}`,
        cpu: () => new Promise((done) => {
          child.once('message', (reply) => done(reply.cpu.user + reply.cpu.system));
          child.send({ cpu: true });
        }),
        stop: () => new Promise((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.send({ stop: true });
          setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
        }),
      });
    });
    child.send({ headers });
  });
}

/**
 * lib/cannon.js's measure() with one difference: the expected status is given, as a 304 is the
 * answer being measured on the conditional path (measure() counts it as a failure).
 */
async function measureStatus({ url, headers = {}, server, status }) {
  const base = { url, method: 'GET', headers, connections: DEFAULTS.connections, pipelining: 1 };
  if (DEFAULTS.warmup > 0) await autocannon({ ...base, duration: DEFAULTS.warmup });
  const cpuBefore = await server.cpu();
  const result = await autocannon({ ...base, duration: DEFAULTS.duration });
  const cpuAfter = await server.cpu();
  const expected = result[`${String(status)[0]}xx`];
  if (result.errors + result.timeouts > 0 || expected !== result.requests.total) {
    throw new Error(`${url}: ${expected} of ${result.requests.total} answered ${status}, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return {
    reqPerSec: result.requests.average, p50: result.latency.p50, p99: result.latency.p99,
    cpuPerRequest: (cpuAfter - cpuBefore) / result.requests.total,
  };
}

/** 50 published releases with website drafts of a realistic length (about 2 KB each), through the tables' triggers. */
async function seed(databaseUrl) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const paragraph = 'Petugas piket Polsek Kebayoran Baru segera mendatangi lokasi setelah laporan warga diterima melalui layanan '
      + 'Call Center 110, memeriksa situasi bersama ketua RT setempat, lalu mengatur arus kendaraan hingga kembali lancar. ';
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO story (id, kind, source_id, unit_id, category, title, slug, status, approved_channels, approved_at, published_at)
       SELECT gen_random_uuid(), 'complaint', gen_random_uuid(), u.id, 'kemacetan',
              'Polsek Kebayoran Baru Urai Kemacetan di Persimpangan Gunung Nomor ' || n, 'bench-feed-' || n, 'published', ARRAY['website'],
              now() - make_interval(hours => n + 1), now() - make_interval(hours => n)
         FROM generate_series(1, $1::int) AS n, unit u WHERE u.code = 'POLSEK-KEBAYORAN-BARU'`,
      [ITEMS],
    );
    await client.query(
      `INSERT INTO draft (story_id, channel, title, body, template_key, template_version)
       SELECT id, 'website', title, 'JAKARTA SELATAN - ' || repeat($1, 3) || E'\\n\\n' || repeat($1, 4) || E'\\n\\n' || repeat($1, 3) || E'\\n\\n' || repeat($1, 2),
              'complaint/website', 0
         FROM story WHERE slug LIKE 'bench-feed-%'`,
      [paragraph],
    );
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

async function fetchIdentity(url, headers = {}) {
  const response = await fetch(url, { headers: { 'accept-encoding': 'identity', ...headers } });
  return { status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) };
}

runBench('feeds', async (defer, log) => {
  const db = await createBenchDatabase();
  defer(() => db.drop());
  log(`database ${db.name} on PostgreSQL ${await serverVersion()}; booting the app`);
  const app = await spawnServer({ kind: 'app', databaseUrl: db.url, env: { DISPATCH_INTERVAL_MS: '0', FEED_ITEMS: String(ITEMS), FEED_CHECK_INTERVAL_MS: '500' } });
  defer(() => app.stop());
  await seed(db.url);

  const url = `${app.baseUrl}/feeds/rss.xml`;
  let sample;
  const deadline = Date.now() + 30_000;
  do {
    await new Promise((r) => setTimeout(r, 200));
    sample = await fetchIdentity(url);
  } while ((sample.body.toString('utf8').match(/<item>/g) ?? []).length < ITEMS && Date.now() < deadline);
  const items = (sample.body.toString('utf8').match(/<item>/g) ?? []).length;
  if (items !== ITEMS) throw new Error(`the feed has ${items} items, expected ${ITEMS}`);
  const etag = sample.headers.etag;
  if ((await fetchIdentity(url, { 'if-none-match': etag })).status !== 304) throw new Error('no 304 for the current ETag');
  log(`feed: ${items} items, ${sample.body.length} bytes, ETag ${etag}`);

  // the bare servers send the app's own headers (minus those Node adds itself), so both answers are the same size
  const headers = { ...sample.headers };
  for (const name of ['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']) delete headers[name];
  const bare = await spawnServer({ kind: 'bare', body: sample.body, headers });
  defer(() => bare.stop());
  const notModifiedHeaders = { ...headers };
  delete notModifiedHeaders['content-type'];
  const bare304 = await spawnBare304(notModifiedHeaders);
  defer(() => bare304.stop());

  log('measuring the app (200)');
  const ours = await measureStatus({ url, server: app, status: 200 });
  log(`app 200: ${fmt.int(ours.reqPerSec)} req/s, p99 ${ours.p99} ms, ${fmt.us(ours.cpuPerRequest)} CPU/request`);
  log('measuring the bare server (200)');
  const base = await measureStatus({ url: `${bare.baseUrl}/feeds/rss.xml`, server: bare, status: 200 });
  log(`bare 200: ${fmt.int(base.reqPerSec)} req/s, p99 ${base.p99} ms, ${fmt.us(base.cpuPerRequest)} CPU/request`);
  const conditional = { 'if-none-match': etag };
  log('measuring the app (304)');
  const ours304 = await measureStatus({ url, headers: conditional, server: app, status: 304 });
  log(`app 304: ${fmt.int(ours304.reqPerSec)} req/s, ${fmt.us(ours304.cpuPerRequest)} CPU/request`);
  log('measuring the bare server (304)');
  const base304 = await measureStatus({ url: `${bare304.baseUrl}/feeds/rss.xml`, headers: conditional, server: bare304, status: 304 });
  log(`bare 304: ${fmt.int(base304.reqPerSec)} req/s, ${fmt.us(base304.cpuPerRequest)} CPU/request`);

  const setting = `${DEFAULTS.connections} conn, ${DEFAULTS.duration} s`;
  const baselineName = 'bare node:http, same bytes';
  return [
    {
      figure: `GET /feeds/rss.xml, cached, ${ITEMS} items (${fmt.int(sample.body.length)} B), ${setting}: throughput`,
      ours: `${fmt.int(ours.reqPerSec)} req/s`,
      baseline: `${fmt.int(base.reqPerSec)} req/s`,
      baselineName,
      ratio: fmt.ratio(ours.reqPerSec, base.reqPerSec),
      target: '>= 0.50x',
      pass: ours.reqPerSec >= 0.5 * base.reqPerSec,
    },
    {
      figure: `GET /feeds/rss.xml with If-None-Match (304), ${setting}: throughput`,
      ours: `${fmt.int(ours304.reqPerSec)} req/s`,
      baseline: `${fmt.int(base304.reqPerSec)} req/s`,
      baselineName: 'bare node:http, same 304',
      ratio: fmt.ratio(ours304.reqPerSec, base304.reqPerSec),
      target: '>= 0.50x',
      pass: ours304.reqPerSec >= 0.5 * base304.reqPerSec,
    },
    {
      figure: 'GET /feeds/rss.xml (200 / 304): server CPU per request',
      ours: `${fmt.us(ours.cpuPerRequest)} / ${fmt.us(ours304.cpuPerRequest)}`,
      baseline: `${fmt.us(base.cpuPerRequest)} / ${fmt.us(base304.cpuPerRequest)}`,
      baselineName,
      ratio: `${fmt.ratio(ours.cpuPerRequest, base.cpuPerRequest)} / ${fmt.ratio(ours304.cpuPerRequest, base304.cpuPerRequest)}`,
      target: 'report',
      pass: true,
    },
  ];
});
