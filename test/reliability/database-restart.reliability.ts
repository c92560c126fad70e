import { Client } from 'pg';
import { call, Cluster, eventually, loginAt } from './support/cluster';
import { recordFigure } from './support/figures';
import { intakeAtRate, Ledger } from './support/load';
import { PrivatePostgres } from './support/private-postgres';

/**
 * PostgreSQL restarted under load. A private server of this test's own is stopped and started
 * (never the machine's shared cluster). While it is away the service answers 503 problem+json
 * with Retry-After (health included) instead of failing or hanging; it recovers by itself; and
 * every complaint it acknowledged exists exactly once afterwards.
 */
const describeWithServer = PrivatePostgres.available() ? describe : describe.skip;

describeWithServer('PostgreSQL restarted under load', () => {
  let server: PrivatePostgres;
  let cluster: Cluster;

  beforeAll(async () => {
    server = await PrivatePostgres.create();
    const admin = new Client({ connectionString: server.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE gaung');
    await admin.end();
    cluster = await new Cluster(server.url('gaung'), { DISPATCH_INTERVAL_MS: '500' }).start(1);
  });
  afterAll(async () => {
    await cluster?.stop();
    server?.destroy();
  });

  it('answers 503 problem+json while the database is away, recovers by itself and loses nothing it acknowledged', async () => {
    const [app] = cluster.instances;
    const operator = await loginAt(app.url, 'operator.kebayoran');
    const ledger = new Ledger();
    const intake = intakeAtRate(cluster, operator, { perSecond: 5, seconds: 30, ledger, prefix: 'PGR', maxInFlight: 20 });

    await new Promise((r) => setTimeout(r, 6000));
    server.stop('fast');
    const stoppedAt = Date.now();
    await eventually('health to report the outage', async () => (await call(app.url, 'GET', '/health')).status === 503, 30_000);
    const health = await call(app.url, 'GET', '/health');
    expect(health.headers.get('content-type')).toMatch(/problem\+json/);
    const away = await call(app.url, 'GET', '/api/v1/stories', { token: operator });
    expect([away.status, away.body?.code, away.headers.get('retry-after')]).toEqual([503, 'database_unavailable', '5']);
    expect(away.headers.get('content-type')).toMatch(/problem\+json/);
    const metrics = await call(app.url, 'GET', '/metrics');
    expect([metrics.status, /^gaung_database_up 0$/m.test(metrics.text)]).toEqual([200, true]);
    await new Promise((r) => setTimeout(r, 3000));
    server.start();
    const restartedAt = Date.now();
    await eventually('the service to recover by itself', async () => (await call(app.url, 'GET', '/api/v1/stories', { token: operator })).status === 200, 60_000);
    const recoveredMs = Date.now() - restartedAt;
    const { acknowledged } = await intake;

    const statuses = new Map<number, number>();
    for (const a of ledger.answers.get('intake') ?? []) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
    recordFigure('postgres restart', { downMs: restartedAt - stoppedAt, recoveredMs, intakeStatuses: Object.fromEntries(statuses), acknowledged: acknowledged.length });
    // only successes and 503s: no 500, no dropped connection, no hang (the log's error lines say why)
    const unexpected = [...statuses.keys()].filter((s) => ![200, 201, 503].includes(s));
    const errorLines = app.proc.output().split('\n').filter((line) => /"level":(50|60)|fatal|Error/.test(line)).slice(0, 8);
    expect({ unexpected, errorLines: unexpected.length ? errorLines : [] }).toEqual({ unexpected: [], errorLines: [] });
    expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
    const lateSuccesses = (ledger.answers.get('intake') ?? []).filter((a) => a.status === 201).length;
    expect(lateSuccesses).toBeGreaterThan(0);

    const check = new Client({ connectionString: server.url('gaung') });
    await check.connect();
    try {
      const { rows } = await check.query(`SELECT external_ref, count(*)::int AS n FROM complaint WHERE external_ref LIKE 'PGR-%' GROUP BY 1`);
      const counts = new Map(rows.map((r) => [r.external_ref, r.n]));
      expect(acknowledged.filter((a) => counts.get(a.externalRef) !== 1)).toEqual([]);
      expect(rows.filter((r) => r.n !== 1)).toEqual([]);
      const orphans = await check.query(`SELECT count(*)::int AS n FROM complaint c WHERE c.external_ref LIKE 'PGR-%' AND NOT EXISTS (SELECT 1 FROM story s WHERE s.kind = 'complaint' AND s.source_id = c.id)`);
      expect(orphans.rows[0].n).toBe(0);
    } finally {
      await check.end();
    }
  });
});
