import { randomUUID } from 'node:crypto';
import { FakeEndpoint } from '../support/fake-endpoint';
import { freePort, killStartedProcesses, startAppProcess, waitForOutput, type AppProcess } from '../support/app-process';
import { describeRealPg } from '../support/test-database';
import { bearer, createTestApp, TEST_SECRET_KEY, type TestApp } from '../support/test-app';

/** Inserts `count` approved stories with a due Telegram publication each (webhook mode), in SQL for speed. */
async function seedDue(t: TestApp, count: number): Promise<void> {
  const [unit] = await t.dataSource.query(`SELECT id FROM unit WHERE code = 'POLSEK-KEBAYORAN-BARU'`);
  const ids = Array.from({ length: count }, () => randomUUID());
  await t.dataSource.query(
    `INSERT INTO story (id, kind, source_id, unit_id, title, slug, status, approved_channels, approved_at)
     SELECT id, 'achievement', gen_random_uuid(), $2, 'Kegiatan ' || n, 'kegiatan-' || id, 'approved', ARRAY['telegram'], now()
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
    [ids, unit.id],
  );
  await t.dataSource.query(
    `INSERT INTO draft (story_id, channel, body, template_key, template_version) SELECT id, 'telegram', 'Kabar ' || id, 'achievement/telegram', 0 FROM unnest($1::uuid[]) AS id`,
    [ids],
  );
  await t.dataSource.query(`INSERT INTO publication (story_id, channel, mode, due_at) SELECT id, 'telegram', 'webhook', now() FROM unnest($1::uuid[]) AS id`, [ids]);
}

describeRealPg('dispatch across instances', () => {
  jest.setTimeout(300_000);
  const endpoint = new FakeEndpoint();
  let t: TestApp;
  const instances: AppProcess[] = [];

  beforeAll(async () => {
    const url = await endpoint.start();
    t = await createTestApp({ env: { DISPATCH_INTERVAL_MS: '0', WEBHOOK_CHANNEL_ALLOW_HOSTS: '127.0.0.1' } });
    await t.http.put('/api/v1/units/POLSEK-KEBAYORAN-BARU/channels/telegram').set(bearer(await t.login('admin')))
      .send({ mode: 'webhook', credentials: { url: `${url}/count`, secret: 'count-secret-0123456789' } }).expect(200);
  });
  afterAll(async () => {
    killStartedProcesses();
    await t.close();
    await endpoint.stop();
  });

  const start = async (extra: Record<string, string> = {}) => {
    const instance = startAppProcess({
      // node-pg names its connections after PGAPPNAME: the outage below cuts only the instances'
      DATABASE_URL: t.db.url, PGAPPNAME: 'gaung-instance', SECRET_KEY: TEST_SECRET_KEY, PORT: String(await freePort()), DEMO: '0',
      ADMIN_PASSWORD: 'not-used-admin-password', DISPATCH_INTERVAL_MS: '50', LOG_LEVEL: 'warn', WEBHOOK_CHANNEL_ALLOW_HOSTS: '127.0.0.1', ...extra,
    });
    instances.push(instance);
    await waitForOutput(instance, /listening on/);
    return instance;
  };

  it('sends each of 2,000 due publications exactly once with three instances, through database outages', async () => {
    await seedDue(t, 2000);
    await Promise.all([start(), start(), start()]);
    const deadline = Date.now() + 120_000;
    let left = 1;
    let outages = 0;
    while (left > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      if (outages < 3) {
        // What a PostgreSQL restart looks like to the instances: every connection of theirs dropped
        // mid-work (a real restart would also cut the other test files sharing this server).
        await t.dataSource.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'gaung-instance'`,
        );
        outages++;
      }
      [{ left }] = await t.dataSource.query(`SELECT count(*)::int AS left FROM publication WHERE status NOT IN ('published', 'unconfirmed')`);
    }
    expect(left).toBe(0);
    const sent = endpoint.received.filter((r) => r.path === '/count').map((r) => JSON.parse(r.body).publicationId as string);
    // nothing sent twice; a post whose outcome could not be written when the connection dropped
    // is `unconfirmed` (sent once, for an officer to confirm), never lost and never re-sent
    expect(new Set(sent).size).toBe(sent.length);
    const [{ published, unconfirmed }] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'published')::int AS published, count(*) FILTER (WHERE status = 'unconfirmed')::int AS unconfirmed FROM publication`);
    expect(published + unconfirmed).toBe(2000);
    expect(sent.length).toBeGreaterThanOrEqual(published);
    expect(sent.length).toBeLessThanOrEqual(2000);
    const claimedBy = await t.dataSource.query(`SELECT count(DISTINCT claimed_by)::int AS n FROM publication`);
    expect(claimedBy[0].n).toBe(3);
    for (const instance of instances.splice(0)) {
      if (instance.child.exitCode !== null) throw new Error(`an instance died (${instance.child.exitCode}):\n${instance.output().slice(-3000)}`);
      instance.child.kill('SIGTERM');
      const code = await instance.exited;
      expect({ code, output: instance.output().slice(-3000) }).toMatchObject({ code: 0 });
    }
  });

  it('never sends twice what a killed instance held: after its lease, it is unconfirmed', async () => {
    endpoint.received.length = 0;
    endpoint.respond = () => 'hang';
    await t.dataSource.query(`DELETE FROM publication`);
    await seedDue(t, 6);
    const victim = await start({ PUBLISH_TIMEOUT_MS: '60000' });
    const deadline = Date.now() + 30_000;
    let sending = 0;
    while ((sending < 6 || endpoint.received.length < 4) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      [{ sending }] = await t.dataSource.query(`SELECT count(*)::int AS sending FROM publication WHERE status = 'sending'`);
    }
    // all six claimed; four calls in flight (the per-channel limit), two waiting their turn
    const sentBeforeKill = endpoint.received.map((r) => JSON.parse(r.body).publicationId as string);
    expect(sentBeforeKill).toHaveLength(4);
    victim.child.kill('SIGKILL');
    await victim.exited;
    instances.splice(instances.indexOf(victim), 1);
    [{ sending }] = await t.dataSource.query(`SELECT count(*)::int AS sending FROM publication WHERE status = 'sending'`);
    expect(sending).toBe(6);

    endpoint.respond = () => ({ status: 200, body: {} });
    await t.dataSource.query(`UPDATE publication SET lease_until = now() - interval '1 second' WHERE status = 'sending'`); // the lease runs out
    await start();
    const until = Date.now() + 30_000;
    let unconfirmed = 0;
    while (unconfirmed < 6 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 200));
      [{ unconfirmed }] = await t.dataSource.query(`SELECT count(*)::int AS unconfirmed FROM publication WHERE status = 'unconfirmed'`);
    }
    expect(unconfirmed).toBe(6);
    // nothing was sent a second time, not even the two that never left the dead instance
    expect(endpoint.received.map((r) => JSON.parse(r.body).publicationId)).toEqual(sentBeforeKill);
  });
});
