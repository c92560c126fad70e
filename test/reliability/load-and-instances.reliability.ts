import { Client } from 'pg';
import { FakeEndpoint } from '../support/fake-endpoint';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { type Acknowledged, intakeAtRate, Ledger, readLoop } from './support/load';
import { call, Cluster, eventually, loginAt } from './support/cluster';
import { recordFigure } from './support/figures';

/**
 * Three processes of the service (dist/src/main.js) on one throwaway PostgreSQL database, as
 * behind a load balancer: sustained intake for RELIABILITY_LOAD_SECONDS (60 in CI) with readers
 * of story lists (and the RSS feed when it exists), officers approving and scheduling every
 * fourth story, and every instance's dispatcher sending them to a webhook channel. Nothing may
 * answer 5xx; every acknowledged complaint exists exactly once with its story; every
 * publication is sent exactly once; the audit log has an event for every acknowledged action.
 * Latency percentiles are printed, not asserted (2 shared cores).
 */
const SECONDS = Number(process.env.RELIABILITY_LOAD_SECONDS ?? 60);
const RATE = Number(process.env.RELIABILITY_INTAKE_RATE ?? 6);

describe('sustained load on three instances', () => {
  let db: TestDatabase;
  let pg: Client;
  let cluster: Cluster;
  const endpoint = new FakeEndpoint();
  let operator: string;
  let humas: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const hook = await endpoint.start();
    // a generous publish timeout: on a starved machine a slow answer must not turn into an unknown outcome
    cluster = await new Cluster(db.url, { DISPATCH_INTERVAL_MS: '250', PUBLISH_TIMEOUT_MS: '15000' }).start(3);
    const base = cluster.instances[0].url;
    const admin = await loginAt(base, 'admin');
    [operator, humas] = [await loginAt(base, 'operator.kebayoran'), await loginAt(base, 'humas.kebayoran')];
    const account = await call(base, 'PUT', '/api/v1/units/POLSEK-KEBAYORAN-BARU/channels/telegram', { token: admin, body: { mode: 'webhook', handle: '@kebayoran', credentials: { url: `${hook}/hook`, secret: 'load-test-webhook-secret-0123456789' } } });
    expect(account.status).toBe(200);
    pg = new Client({ connectionString: db.url });
    await pg.connect();
  });
  afterAll(async () => {
    await pg?.end();
    await cluster?.stop();
    await endpoint.stop();
    await db?.drop();
  });

  it('loses nothing, doubles nothing, sends each post once and audits every action', async () => {
    const ledger = new Ledger();
    let done = false;
    const approvals: string[] = [];
    const queue: Acknowledged[] = [];
    const workflowErrors: string[] = [];
    const feed = (await call(cluster.instances[0].url, 'GET', '/feeds/rss.xml')).status === 200;
    let recent: string | undefined;

    // officers: submit, approve and schedule every 4th story, on whichever instance the balancer picks
    const officer = (async () => {
      let n = 0;
      while (!done || queue.length > 0) {
        const ack = queue.shift();
        if (!ack) {
          await new Promise((r) => setTimeout(r, 50));
          continue;
        }
        recent = ack.storyId;
        if (n++ % 4 !== 0) continue;
        for (const [token, action, body] of [[operator, 'submit', undefined], [humas, 'approve', { channels: ['website', 'telegram'] }], [humas, 'schedule', {}]] as const) {
          const answer = ledger.add(`POST /stories/:id/${action}`, await call(cluster.pick().url, 'POST', `/api/v1/stories/${ack.storyId}/${action}`, { token, body }));
          if (answer.status !== 200) {
            workflowErrors.push(`${action} ${ack.storyId}: ${answer.status} ${answer.text.slice(0, 120)}`);
            break;
          }
          if (action === 'schedule') approvals.push(ack.storyId);
        }
      }
    })();
    const readers = [
      readLoop(cluster, humas, () => ['/api/v1/stories?pageSize=20', ...(recent ? [`/api/v1/stories/${recent}`] : [])], ledger, () => done),
      readLoop(cluster, humas, () => ['/api/v1/stories?status=draft&q=persimpangan&pageSize=50', ...(feed ? ['/feeds/rss.xml'] : [])], ledger, () => done),
    ];
    const intake = await intakeAtRate(cluster, operator, { perSecond: RATE, seconds: SECONDS, ledger, prefix: 'LOAD', onAck: (ack) => queue.push(ack) });
    done = true;
    await Promise.all([officer, ...readers]);

    // (the demo organisation seeds publications of its own, scheduled for later: only ours count)
    const open = async () => (await pg.query(`SELECT channel, status, attempts, last_error, due_at, lease_until, now() AS now FROM publication WHERE story_id = ANY($1::uuid[]) AND status IN ('scheduled', 'sending', 'retrying') LIMIT 5`, [approvals])).rows;
    try {
      await eventually('every scheduled publication to be dispatched', async () => (await open()).length === 0, 180_000);
    } catch (error) {
      throw new Error(`${(error as Error).message}; still open, e.g. ${JSON.stringify(await open())}`);
    }

    recordFigure('load', { seconds: SECONDS, intakePerSecond: RATE, acknowledged: intake.acknowledged.length, skippedForBackpressure: intake.skipped, approved: approvals.length, feedRead: feed, latencyMs: ledger.figures() });
    expect(ledger.failures()).toEqual([]);
    expect(intake.refused).toEqual([]);
    expect(workflowErrors).toEqual([]);
    expect(intake.acknowledged.length).toBeGreaterThan(RATE * SECONDS * 0.5);

    // every acknowledged complaint exactly once, with the ids it was acknowledged with, and its story
    const { rows } = await pg.query(`SELECT c.external_ref, c.id, s.id AS story_id FROM complaint c LEFT JOIN story s ON s.kind = 'complaint' AND s.source_id = c.id WHERE c.external_ref LIKE 'LOAD-%'`);
    const byRef = new Map<string, { id: string; story_id: string | null }[]>();
    for (const row of rows) byRef.set(row.external_ref, [...(byRef.get(row.external_ref) ?? []), row]);
    const wrong = intake.acknowledged.filter((a) => byRef.get(a.externalRef)?.length !== 1 || byRef.get(a.externalRef)![0].id !== a.id || byRef.get(a.externalRef)![0].story_id !== a.storyId);
    expect(wrong).toEqual([]);
    expect(rows.length).toBe(intake.acknowledged.length); // nothing that was not acknowledged

    // each publication published, each telegram post sent exactly once (Idempotency-Key = publication id)
    const pubs = (await pg.query(`SELECT id, channel, status FROM publication WHERE story_id = ANY($1::uuid[])`, [approvals])).rows;
    expect(pubs.filter((p) => p.status !== 'published')).toEqual([]);
    expect(pubs.length).toBe(approvals.length * 2);
    const sends = new Map<string, number>();
    for (const r of endpoint.received.filter((x) => x.path === '/hook')) sends.set(String(r.headers['idempotency-key']), (sends.get(String(r.headers['idempotency-key'])) ?? 0) + 1);
    const telegram = pubs.filter((p) => p.channel === 'telegram').map((p) => p.id).sort();
    expect([...sends.keys()].sort()).toEqual(telegram);
    expect([...sends.values()].filter((n) => n !== 1)).toEqual([]);

    // the audit log: one event per acknowledged action
    const audit = async (action: string, ids: string[], column = 'subject_id') =>
      (await pg.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = $1 AND ${column} = ANY($2)`, [action, ids])).rows[0].n;
    expect(await audit('complaint.create', intake.acknowledged.map((a) => a.id))).toBe(intake.acknowledged.length);
    expect(await audit('story.approve', approvals)).toBe(approvals.length);
    expect(await audit('story.submit', approvals)).toBe(approvals.length);
    const published = (await pg.query(`SELECT count(DISTINCT details->>'publicationId')::int AS n FROM audit_event WHERE action = 'publication.published' AND details->>'publicationId' = ANY($1)`, [telegram])).rows[0].n;
    expect(published).toBe(telegram.length);
    // every instance took part in dispatching
    const claimedBy = (await pg.query(`SELECT count(DISTINCT claimed_by)::int AS n FROM publication WHERE story_id = ANY($1::uuid[])`, [approvals])).rows[0].n;
    recordFigure('dispatch instances', claimedBy);

    // any instance's /metrics tells the shared state of the work
    const metrics = await call(cluster.instances[2].url, 'GET', '/metrics');
    expect(metrics.text).toMatch(/^gaung_database_up 1$/m);
    expect(metrics.text).toMatch(/^gaung_publications\{status="scheduled"\} \d+$/m);
    expect(metrics.text).toMatch(/^gaung_publications\{status="unconfirmed"\} 0$/m);
    expect(metrics.text).toMatch(/^gaung_publication_oldest_due_seconds 0$/m);
    expect(metrics.text).toMatch(/^gaung_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/complaints",status="201"\} \d+$/m);
  }, 600_000);
});
