'use strict';
// Issue 7: 10,000 due publications on the internal no-op channel (the website: nothing leaves the
// machine), three app instances (separate processes) against one PostgreSQL. Reports the total
// throughput from the moment the publications become due until the last is published, and checks
// that each was attempted and published exactly once. Target: >= 1,000/s together.
const { Client } = require('pg');
const { createBenchDatabase, serverVersion } = require('./lib/db');
const { spawnServer } = require('./lib/server-child');
const { runBench, fmt } = require('./lib/bench');

const COUNT = Number(process.env.BENCH_PUBLICATIONS ?? 10_000);
const INSTANCES = 3;

runBench('dispatch', async (defer, log) => {
  const db = await createBenchDatabase();
  defer(() => db.drop());
  log(`database ${db.name} on PostgreSQL ${await serverVersion()}; starting ${INSTANCES} instances`);
  const secret = 'bench-secret-key-that-is-long-enough-123';
  const env = { DISPATCH_INTERVAL_MS: '5', SECRET_KEY: secret };
  // the first instance migrates and seeds; the others find it done
  const first = await spawnServer({ kind: 'app', databaseUrl: db.url, env });
  defer(() => first.stop());
  const others = await Promise.all(Array.from({ length: INSTANCES - 1 }, () => spawnServer({ kind: 'app', databaseUrl: db.url, env })));
  for (const other of others) defer(() => other.stop());

  const client = new Client({ connectionString: db.url });
  await client.connect();
  defer(() => client.end());
  const [unit] = (await client.query(`SELECT id FROM unit WHERE code = 'POLSEK-KEBAYORAN-BARU'`)).rows;
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO story (id, kind, source_id, unit_id, title, slug, status, approved_channels, approved_at)
     SELECT gen_random_uuid(), 'achievement', gen_random_uuid(), $1, 'Kegiatan ' || n, 'kegiatan-' || n, 'approved', ARRAY['website'], now()
       FROM generate_series(1, $2) AS n`,
    [unit.id, COUNT],
  );
  await client.query(`INSERT INTO draft (story_id, channel, title, body, template_key, template_version) SELECT id, 'website', title, 'Isi rilis ' || title, 'achievement/website', 0 FROM story`);
  await client.query(`INSERT INTO publication (story_id, channel, mode, due_at) SELECT id, 'website', 'internal', now() FROM story`);
  const start = Date.now();
  await client.query('COMMIT');
  log(`${fmt.int(COUNT)} publications due; waiting for the instances`);

  let left = COUNT;
  while (left > 0) {
    if (Date.now() - start > 600_000) throw new Error(`still ${left} unpublished after 10 minutes`);
    await new Promise((r) => setTimeout(r, 50));
    left = Number((await client.query(`SELECT count(*) AS n FROM publication WHERE status <> 'published'`)).rows[0].n);
  }
  const seconds = (Date.now() - start) / 1000;
  const checks = (await client.query(
    `SELECT count(*) FILTER (WHERE attempts <> 1) AS retried, count(DISTINCT claimed_by) AS instances,
            (SELECT count(*) FROM audit_event WHERE action = 'publication.published') AS audited,
            (SELECT count(DISTINCT details->>'publicationId') FROM audit_event WHERE action = 'publication.published') AS distinct_audited,
            (SELECT count(*) FROM story WHERE status = 'published') AS stories
       FROM publication`,
  )).rows[0];
  const exactlyOnce = Number(checks.retried) === 0 && Number(checks.audited) === COUNT && Number(checks.distinct_audited) === COUNT && Number(checks.stories) === COUNT;
  const rate = COUNT / seconds;
  log(`${fmt.int(rate)}/s over ${seconds.toFixed(1)} s; ${checks.instances} instances claimed; exactly once: ${exactlyOnce}`);
  return [
    {
      figure: `dispatch ${fmt.int(COUNT)} due publications, ${INSTANCES} instances, no-op channel (publications/s)`,
      ours: fmt.int(rate),
      baseline: '1,000',
      baselineName: 'target',
      ratio: fmt.ratio(rate, 1000),
      target: '>= 1,000/s, each exactly once',
      pass: rate >= 1000 && exactlyOnce,
    },
    {
      figure: 'dispatch: published exactly once (attempts = 1, one audit event each, every story published)',
      ours: exactlyOnce ? 'yes' : `NO (${JSON.stringify(checks)})`,
      baseline: 'yes',
      baselineName: 'requirement',
      ratio: '',
      target: 'yes',
      pass: exactlyOnce,
    },
  ];
});
