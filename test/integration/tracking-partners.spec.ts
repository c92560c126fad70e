import { createHash } from 'node:crypto';
import { bearer, createTestApp, type TestApp } from '../support/test-app';

describe('partners API', () => {
  let t: TestApp;
  let jaksel: string;
  let jaktim: string;
  let metro: string;
  let operator: string;
  const count = async (table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const valid = { name: 'Warta Selatan', kind: 'online', website: 'https://wartaselatan.example', contact: 'redaksi@wartaselatan.example', feeds: ['https://wartaselatan.example/rss.xml'] };

  beforeAll(async () => {
    t = await createTestApp({ env: { PARTNER_POLL_MINUTES: '0', DISPATCH_INTERVAL_MS: '0', PUBLIC_BASE_URL: 'https://humas.example.go.id' } });
    [jaksel, jaktim, metro, operator] = await Promise.all(['humas.jaksel', 'humas.jaktim', 'humas.metro', 'operator.kebayoran'].map((u) => t.login(u)));
  });
  afterAll(() => t.close());

  it('creates a partner in the caller unit with its feed token and partner-feed URL, audited', async () => {
    const { body } = await t.http.post('/api/v1/partners').set(bearer(jaksel)).send(valid).expect(201);
    expect(body).toMatchObject({ unitCode: 'POLRES-JAKSEL', name: 'Warta Selatan', kind: 'online', active: true, feeds: [{ url: valid.feeds[0], failures: 0, lastError: null }] });
    expect(body.feedToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.partnerFeedUrl).toBe(`https://humas.example.go.id/feeds/partners/${body.feedToken}/rss.xml`);
    const [row] = await t.dataSource.query(`SELECT feed_token_hash, feed_token_sealed FROM partner WHERE id = $1`, [body.id]);
    expect(row.feed_token_hash).toBe(createHash('sha256').update(body.feedToken).digest('hex'));
    expect(row.feed_token_sealed).not.toContain(body.feedToken);
    const audit = await t.dataSource.query(`SELECT action, details FROM audit_event WHERE subject_id = $1`, [body.id]);
    expect(audit).toEqual([{ action: 'partner.create', details: { kind: 'online', feeds: 1 } }]);
    expect((await t.http.get(`/api/v1/partners/${body.id}`).set(bearer(jaksel)).expect(200)).body.feedToken).toBe(body.feedToken);
  });

  it('refuses bad input naming each field and writes nothing', async () => {
    const [partners, feeds, audits] = [await count('partner'), await count('partner_feed'), await count('audit_event')];
    const bad = await t.http.post('/api/v1/partners').set(bearer(jaksel))
      .send({ kind: 'blog', website: 'javascript:alert(1)', feeds: ['ftp://x.example/feed', 'https://ok.example/rss'], active: 'yes', extra: 1 }).expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    const fields = bad.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['active', 'extra', 'feeds', 'kind', 'name', 'website']);
    await t.http.post('/api/v1/partners').set(bearer(jaksel)).send({ ...valid, feeds: [valid.feeds[0], valid.feeds[0]] }).expect(400);
    await t.http.post('/api/v1/partners').set(bearer(jaksel)).send({ ...valid, feeds: 'https://x.example/rss' }).expect(400);
    const unknownUnit = await t.http.post('/api/v1/partners').set(bearer(jaksel)).send({ ...valid, unitCode: 'POLRES-ATLANTIS' }).expect(400);
    expect(unknownUnit.body.errors).toEqual([expect.objectContaining({ field: 'unitCode' })]);
    const outside = await t.http.post('/api/v1/partners').set(bearer(jaksel)).send({ ...valid, unitCode: 'POLDA-METRO' }).expect(403);
    expect(outside.body.errors).toEqual([expect.objectContaining({ field: 'unitCode' })]);
    await t.http.post('/api/v1/partners').set(bearer(operator)).send(valid).expect(403);
    expect([await count('partner'), await count('partner_feed'), await count('audit_event')]).toEqual([partners, feeds, audits]);
  });

  it('scopes partners by unit: a sibling Polres sees nothing, the Polda above sees it', async () => {
    const { body: partner } = await t.http.post('/api/v1/partners').set(bearer(jaksel)).send({ ...valid, name: 'Radio Selatan', kind: 'radio', feeds: [] }).expect(201);
    const sibling = await t.http.get('/api/v1/partners').set(bearer(jaktim)).expect(200);
    expect(sibling.body.items.map((p: { id: string }) => p.id)).not.toContain(partner.id);
    await t.http.get(`/api/v1/partners/${partner.id}`).set(bearer(jaktim)).expect(404);
    await t.http.put(`/api/v1/partners/${partner.id}`).set(bearer(jaktim)).send({ name: 'Diambil alih', kind: 'radio' }).expect(404);
    await t.http.post(`/api/v1/partners/${partner.id}/token`).set(bearer(jaktim)).expect(404);
    await t.http.post(`/api/v1/partners/${partner.id}/poll`).set(bearer(jaktim)).expect(404);
    const above = await t.http.get('/api/v1/partners').set(bearer(metro)).expect(200);
    expect(above.body.items.map((p: { id: string }) => p.id)).toContain(partner.id);
    expect(above.body).toMatchObject({ page: 1, pageSize: 20, total: expect.any(Number) });
    await t.http.get('/api/v1/partners/not-a-uuid').set(bearer(jaksel)).expect(400);
  });

  it('replaces a partner with PUT, keeping the poll state of feeds it keeps', async () => {
    const { body: partner } = await t.http.post('/api/v1/partners').set(bearer(jaksel))
      .send({ ...valid, name: 'Harian Kota', feeds: ['https://kota.example/a.xml', 'https://kota.example/b.xml'] }).expect(201);
    const kept = partner.feeds.find((f: { url: string }) => f.url.endsWith('a.xml'));
    await t.dataSource.query(`UPDATE partner_feed SET failures = 2, last_error = 'timeout: x' WHERE id = $1`, [kept.id]);
    const { body } = await t.http.put(`/api/v1/partners/${partner.id}`).set(bearer(jaksel))
      .send({ name: 'Harian Kota Baru', kind: 'mainstream', feeds: ['https://kota.example/a.xml', 'https://kota.example/c.xml'], active: false }).expect(200);
    expect(body).toMatchObject({ name: 'Harian Kota Baru', kind: 'mainstream', website: null, contact: null, active: false, feedToken: partner.feedToken });
    expect(body.feeds.map((f: { url: string }) => f.url).sort()).toEqual(['https://kota.example/a.xml', 'https://kota.example/c.xml']);
    expect(body.feeds.find((f: { id: string }) => f.id === kept.id)).toMatchObject({ failures: 2, lastError: 'timeout: x' });
    const bad = await t.http.put(`/api/v1/partners/${partner.id}`).set(bearer(jaksel)).send({ name: '', kind: 'mainstream', feeds: ['http://'] }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['feeds', 'name']);
    expect((await t.http.get(`/api/v1/partners/${partner.id}`).set(bearer(jaksel)).expect(200)).body.name).toBe('Harian Kota Baru');
    const [audit] = await t.dataSource.query(`SELECT details FROM audit_event WHERE subject_id = $1 AND action = 'partner.update'`, [partner.id]);
    expect(audit.details.changed.sort()).toEqual(['active', 'contact', 'kind', 'name', 'website']);
  });

  it('rotates the feed token: the old one is gone at once', async () => {
    const { body: partner } = await t.http.post('/api/v1/partners').set(bearer(jaksel)).send({ ...valid, name: 'TV Selatan', kind: 'tv' }).expect(201);
    const { body: rotated } = await t.http.post(`/api/v1/partners/${partner.id}/token`).set(bearer(jaksel)).expect(200);
    expect(rotated.feedToken).not.toBe(partner.feedToken);
    expect(rotated.partnerFeedUrl).toContain(rotated.feedToken);
    const hash = (token: string) => createHash('sha256').update(token).digest('hex');
    expect(await t.dataSource.query(`SELECT id FROM partner WHERE feed_token_hash = $1`, [hash(partner.feedToken)])).toEqual([]);
    expect(await t.dataSource.query(`SELECT id FROM partner WHERE feed_token_hash = $1`, [hash(rotated.feedToken)])).toEqual([{ id: partner.id }]);
    const actions = (await t.dataSource.query(`SELECT action FROM audit_event WHERE subject_id = $1 ORDER BY seq`, [partner.id])).map((r: { action: string }) => r.action);
    expect(actions).toEqual(['partner.create', 'partner.token_rotate']);
  });

  it('lets an admin create a partner for any unit, naming it', async () => {
    const admin = await t.login('admin');
    const missing = await t.http.post('/api/v1/partners').set(bearer(admin)).send(valid).expect(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'unitCode' })]);
    const { body } = await t.http.post('/api/v1/partners').set(bearer(admin)).send({ ...valid, unitCode: 'POLRESTABES-MAKASSAR', name: 'Fajar' }).expect(201);
    expect(body.unitCode).toBe('POLRESTABES-MAKASSAR');
  });
});
