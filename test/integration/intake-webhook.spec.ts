import { signWebhook } from '../../src/intake/webhook/webhook-signature';
import { bearer, createTestApp, type TestApp } from '../support/test-app';

const complaint = (over: Record<string, unknown> = {}) => ({
  externalRef: `WH-${Math.random().toString(36).slice(2, 10)}`,
  unitCode: 'POLSEK-KEBAYORAN-BARU',
  category: 'curanmor',
  channel: 'app',
  receivedAt: '2026-10-25T01:12:00Z',
  resolvedAt: '2026-10-25T09:40:00Z',
  location: { subdistrict: 'Gunung', district: 'Kebayoran Baru', city: 'Jakarta Selatan' },
  summary: 'Motor warga hilang di parkiran pasar; pelapor 0812-8877-1234.',
  resolution: 'Motor ditemukan dan dikembalikan.',
  complainant: { name: 'Andreas Wibowo', nik: '3174051508850003' },
  consent: { level: 'initials', quote: false },
  ...over,
});

describe('intake webhook', () => {
  let t: TestApp;
  let admin: string;
  let integration: { id: string; secret: string };
  const now = () => Math.floor(Date.now() / 1000);
  const count = async (table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const rowCounts = async () => [await count('complaint'), await count('story'), await count('citizen_contact')];

  /** Posts exactly `raw` with the given headers (undefined = header left out). */
  const post = (raw: string, headers: Record<string, string | undefined>) => {
    const call = t.http.post('/api/v1/intake/webhook').set('Content-Type', 'application/json');
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) call.set(name, value);
    return call.send(raw);
  };
  const signed = (raw: string, options: { id?: string; secret?: string; timestamp?: number } = {}) => {
    const timestamp = String(options.timestamp ?? now());
    return post(raw, {
      'X-Gaung-Integration': options.id ?? integration.id,
      'X-Gaung-Timestamp': timestamp,
      'X-Gaung-Signature': signWebhook(options.secret ?? integration.secret, timestamp, raw),
    });
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    const created = await t.http.post('/api/v1/intake/integrations').set(bearer(admin)).send({ name: 'Dumas Jaksel', username: 'operator.kebayoran' }).expect(201);
    expect(created.body).toMatchObject({ id: expect.any(String), username: 'operator.kebayoran', unitCode: 'POLSEK-KEBAYORAN-BARU', active: true });
    expect(created.body.secret).toMatch(/^gws_[\w-]{43}$/);
    integration = created.body;
  });
  afterAll(() => t.close());

  it('accepts a signed complaint (201), and the same again as a duplicate (200)', async () => {
    const raw = JSON.stringify({ kind: 'complaint', item: complaint({ externalRef: 'WH-GOOD-1' }) });
    const ts = now();
    const first = await signed(raw, { timestamp: ts }).expect(201);
    expect(first.body).toMatchObject({ id: expect.any(String), storyId: expect.any(String) });
    expect(first.body.redactions).toEqual([{ field: 'summary', kind: 'phone', count: 1 }]);
    // a resend is signed anew (a new timestamp): the same signed request again is a replay (below)
    const again = await signed(raw, { timestamp: ts - 1 }).expect(200);
    expect(again.body).toEqual(first.body);
    const other = await signed(JSON.stringify({ kind: 'complaint', item: complaint({ externalRef: 'WH-GOOD-1', summary: 'Lain' }) })).expect(409);
    expect(other.body.code).toBe('external_ref_conflict');

    const [row] = await t.dataSource.query(`SELECT created_by FROM complaint WHERE id = $1`, [first.body.id]);
    const [operator] = await t.dataSource.query(`SELECT id FROM app_user WHERE username = 'operator.kebayoran'`);
    expect(row.created_by).toBe(operator.id);
    const audit = await t.dataSource.query(
      `SELECT action, details FROM audit_event WHERE subject_id = $1 AND action = 'intake.webhook.receive' ORDER BY seq`, [integration.id]);
    expect(audit.map((a: { details: { status: number } }) => a.details.status)).toEqual(expect.arrayContaining([201, 200, 409]));
    expect(JSON.stringify(audit)).not.toMatch(/Andreas|8877|3174051508850003/);
    const [created] = await t.dataSource.query(`SELECT details FROM audit_event WHERE action = 'complaint.create' AND subject_id = $1`, [first.body.id]);
    expect(created.details.origin).toBe('webhook');
  });

  it('refuses a replay of a signed request with 409 replayed, on every instance, and creates one story', async () => {
    // feedback has no externalRef: without replay refusal, each copy was a new story
    const item = { unitCode: 'POLSEK-KEBAYORAN-BARU', serviceType: 'skck', rating: 5, text: 'Pelayanan cepat dan ramah sekali.', author: { name: 'Dewi' },
      consent: { level: 'initials', quote: true }, source: 'survey', receivedAt: '2026-10-20T03:00:00Z' };
    const raw = JSON.stringify({ kind: 'feedback', item });
    const timestamp = now();
    const stories = () => count('story');
    const replays = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'intake.webhook.refused' AND details->>'code' = 'replayed'`))[0].n as number;
    const replaysBefore = await replays();
    const before = await stories();
    await signed(raw, { timestamp }).expect(201);
    const other = await createTestApp({ shareDatabaseOf: t });
    try {
      for (const http of [t.http, other.http, t.http]) {
        const replay = await http.post('/api/v1/intake/webhook').set('Content-Type', 'application/json')
          .set('X-Gaung-Integration', integration.id).set('X-Gaung-Timestamp', String(timestamp))
          .set('X-Gaung-Signature', signWebhook(integration.secret, timestamp, raw)).send(raw).expect(409);
        expect(replay.body).toMatchObject({ code: 'replayed', status: 409 });
        expect(replay.headers['content-type']).toMatch(/problem\+json/);
      }
    } finally {
      await other.close();
    }
    expect((await stories()) - before).toBe(1);
    expect((await replays()) - replaysBefore).toBe(3);
  });

  describe('refuses with 401 problem+json and writes nothing', () => {
    const raw = () => JSON.stringify({ kind: 'complaint', item: complaint() });
    const cases: [string, () => ReturnType<typeof post>, string][] = [
      ['a bad signature', () => { const r = raw(); return post(r, { 'X-Gaung-Integration': integration.id, 'X-Gaung-Timestamp': String(now()), 'X-Gaung-Signature': `sha256=${'0'.repeat(64)}` }); }, 'signature_invalid'],
      ['a malformed signature', () => { const r = raw(); return post(r, { 'X-Gaung-Integration': integration.id, 'X-Gaung-Timestamp': String(now()), 'X-Gaung-Signature': 'abc' }); }, 'signature_invalid'],
      ['the wrong secret', () => signed(raw(), { secret: 'gws_not-the-secret' }), 'signature_invalid'],
      ['an old timestamp (replay)', () => signed(raw(), { timestamp: now() - 301 }), 'timestamp_expired'],
      ['a timestamp from the future', () => signed(raw(), { timestamp: now() + 301 }), 'timestamp_expired'],
      ['an unknown integration', () => signed(raw(), { id: '00000000-0000-4000-8000-000000000000' }), 'integration_unknown'],
      ['an integration id that is not a UUID', () => signed(raw(), { id: 'dumas' }), 'integration_unknown'],
      ['no headers at all', () => post(raw(), {}), 'integration_unknown'],
      ['no signature', () => post(raw(), { 'X-Gaung-Integration': integration.id, 'X-Gaung-Timestamp': String(now()) }), 'signature_invalid'],
      ['no timestamp', () => { const r = raw(); const ts = String(now()); return post(r, { 'X-Gaung-Integration': integration.id, 'X-Gaung-Signature': signWebhook(integration.secret, ts, r) }); }, 'signature_invalid'],
      ['a tampered body', () => {
        const ts = String(now());
        const original = raw();
        const tampered = original.replace('POLSEK-KEBAYORAN-BARU', 'POLSEK-CILANDAK');
        return post(tampered, { 'X-Gaung-Integration': integration.id, 'X-Gaung-Timestamp': ts, 'X-Gaung-Signature': signWebhook(integration.secret, ts, original) });
      }, 'signature_invalid'],
      ['a signature over another timestamp', () => {
        const r = raw();
        return post(r, { 'X-Gaung-Integration': integration.id, 'X-Gaung-Timestamp': String(now()), 'X-Gaung-Signature': signWebhook(integration.secret, now() - 10, r) });
      }, 'signature_invalid'],
    ];

    it.each(cases)('%s', async (_label, send, code) => {
      const before = await rowCounts();
      const refusals = await count('audit_event');
      const response = await send().expect(401);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 401, code, detail: expect.any(String) });
      expect(JSON.stringify(response.body)).not.toContain(integration.secret);
      expect(await rowCounts()).toEqual(before);
      const [last] = await t.dataSource.query(`SELECT action, actor_id, details FROM audit_event ORDER BY seq DESC LIMIT 1`);
      expect(last).toMatchObject({ action: 'intake.webhook.refused', actor_id: null, details: { code } });
      expect(await count('audit_event')).toBe(refusals + 1);
    });
  });

  it('answers a signed but invalid item with 400 naming the field, writing nothing', async () => {
    const before = await rowCounts();
    const bad = await signed(JSON.stringify({ kind: 'complaint', item: complaint({ complainant: { name: 'A', nik: '123' }, category: 'alien' }) })).expect(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['item.category', 'item.complainant.nik']);
    expect(JSON.stringify(bad.body)).not.toMatch(/Andreas|8877/);
    const times = await signed(JSON.stringify({ kind: 'complaint', item: complaint({ resolvedAt: '2026-10-24T00:00:00Z' }) })).expect(400);
    expect(times.body.errors.map((e: { field: string }) => e.field)).toEqual(['item.resolvedAt']);
    const kind = await signed(JSON.stringify({ kind: 'rumour', item: complaint() })).expect(400);
    expect(kind.body.errors.map((e: { field: string }) => e.field)).toEqual(['kind']);
    const extra = await signed(JSON.stringify({ kind: 'complaint', item: complaint(), admin: true })).expect(400);
    expect(extra.body.errors.map((e: { field: string }) => e.field)).toEqual(['admin']);
    const list = await signed(JSON.stringify([{ kind: 'complaint', item: complaint() }])).expect(400);
    expect(list.body.errors).toEqual([{ field: '(body)', message: 'must be a JSON object' }]);
    const notItem = await signed(JSON.stringify({ kind: 'complaint', item: 'DUMAS-1' })).expect(400);
    expect(notItem.body.errors.map((e: { field: string }) => e.field)).toEqual(['item']);
    expect(await rowCounts()).toEqual(before);
  });

  it("keeps to the integration user's role and unit", async () => {
    const outside = await signed(JSON.stringify({ kind: 'complaint', item: complaint({ unitCode: 'POLSEK-CILANDAK' }) })).expect(403);
    expect(outside.body).toMatchObject({ code: 'unit_out_of_scope', errors: [{ field: 'item.unitCode' }] });
    const achievement = { unitCode: 'POLSEK-KEBAYORAN-BARU', title: 'Patroli', activityType: 'patroli', happenedAt: '2026-10-20T03:00:00Z',
      location: { place: 'Pasar', city: 'Jakarta Selatan' }, narrative: 'Patroli malam.' };
    const role = await signed(JSON.stringify({ kind: 'achievement', item: achievement })).expect(403);
    expect(role.body.code).toBe('role_forbidden');
  });

  it('never shows a secret after creation, and refuses deactivated integrations', async () => {
    const list = await t.http.get('/api/v1/intake/integrations').set(bearer(admin)).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: integration.id, name: 'Dumas Jaksel', active: true })]);
    expect(JSON.stringify(list.body)).not.toMatch(/gws_|secret/);
    const [stored] = await t.dataSource.query(`SELECT secret_sealed FROM intake_integration WHERE id = $1`, [integration.id]);
    expect(stored.secret_sealed).not.toContain(integration.secret.slice(4));
    const audits = await t.dataSource.query(`SELECT details, reason FROM audit_event`);
    expect(JSON.stringify(audits)).not.toContain(integration.secret.slice(4));

    const operator = await t.login('operator.kebayoran');
    await t.http.get('/api/v1/intake/integrations').set(bearer(operator)).expect(403);
    await t.http.post('/api/v1/intake/integrations').set(bearer(admin)).send({ name: 'x', username: 'admin' }).expect(400);
    await t.http.post('/api/v1/intake/integrations').set(bearer(admin)).send({ name: 'x', username: 'nobody.here' }).expect(400);

    const second = await t.http.post('/api/v1/intake/integrations').set(bearer(admin)).send({ name: 'Dumas 2', username: 'humas.jaksel' }).expect(201);
    await t.http.delete(`/api/v1/intake/integrations/${second.body.id}`).set(bearer(admin)).expect(204);
    const raw = JSON.stringify({ kind: 'complaint', item: complaint() });
    const refused = await signed(raw, { id: second.body.id, secret: second.body.secret }).expect(401);
    expect(refused.body.code).toBe('integration_unknown');
    await t.http.delete('/api/v1/intake/integrations/00000000-0000-4000-8000-000000000000').set(bearer(admin)).expect(404);
  });
});
