import { FixedClock } from '../../src/common/clock';
import { RetentionJob } from '../../src/intake/privacy/retention.job';
import { digitsOf, fixture, haveFixtures, personalValues } from '../support/fixtures';
import { bearer, createTestApp, type TestApp } from '../support/test-app';

const complaint = (over: Record<string, unknown> = {}) => ({
  externalRef: `T-${Math.random().toString(36).slice(2, 10)}`,
  unitCode: 'POLSEK-KEBAYORAN-BARU',
  category: 'curanmor',
  channel: 'whatsapp',
  receivedAt: '2026-10-25T01:12:00Z',
  resolvedAt: '2026-10-25T09:40:00Z',
  location: { subdistrict: 'Gunung', district: 'Kebayoran Baru', city: 'Jakarta Selatan' },
  summary: 'Motor warga hilang; pelapor bisa dihubungi di 0812-8877-1234 atau andreas.w@example.com.',
  resolution: 'Motor B 1234 XYZ ditemukan dan dikembalikan.',
  stages: [{ at: '2026-10-25T01:35:00Z', label: 'Piket tiba di lokasi' }],
  complainant: { name: 'Andreas Wibowo', phone: '0812-8877-1234', email: 'andreas.w@example.com', nik: '3174051508850003' },
  consent: { level: 'initials', quote: true },
  quote: 'Terima kasih, motor saya kembali.',
  ...over,
});

describe('intake', () => {
  const clock = new FixedClock(new Date('2026-11-01T00:00:00Z'));
  let t: TestApp;
  let operator: string;
  let humas: string;
  let commander: string;
  const count = async (table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    operator = await t.login('operator.kebayoran');
    humas = await t.login('humas.jaksel');
    commander = await t.login('kapolsek.kebayoran');
  });
  afterAll(() => t.close());

  it('accepts a complaint, masks its free text, keeps contact data apart and creates its story', async () => {
    const response = await t.http.post('/api/v1/complaints').set(bearer(operator)).send(complaint({ externalRef: 'DUMAS-1' })).expect(201);
    expect(response.body).toMatchObject({ id: expect.any(String), storyId: expect.any(String) });
    const kinds = response.body.redactions.map((r: { field: string; kind: string }) => `${r.field}:${r.kind}`).sort();
    expect(kinds).toEqual(['resolution:plate', 'summary:email', 'summary:phone']);
    expect(JSON.stringify(response.body)).not.toMatch(/8877|andreas\.w|1234 XYZ/);

    const [row] = await t.dataSource.query(`SELECT * FROM complaint WHERE id = $1`, [response.body.id]);
    expect(row.summary).not.toMatch(/8877|andreas/);
    expect(row.public_attribution).toBe('A.W.');
    expect(row.consent_level).toBe('initials');
    const [story] = await t.dataSource.query(`SELECT * FROM story WHERE id = $1`, [response.body.storyId]);
    expect(story).toMatchObject({ kind: 'complaint', source_id: response.body.id, status: 'draft', category: 'curanmor' });
    expect(story.title).toMatch(/Polsek Kebayoran Baru/);
    const [contact] = await t.dataSource.query(`SELECT * FROM citizen_contact WHERE source_id = $1`, [response.body.id]);
    expect(contact).toMatchObject({ name: 'Andreas Wibowo', phone: '0812-8877-1234', nik: '3174051508850003' });
  });

  it('shows contact data only to roles that handle complaints', async () => {
    const { body } = await t.http.post('/api/v1/complaints').set(bearer(operator)).send(complaint()).expect(201);
    const forOperator = await t.http.get(`/api/v1/complaints/${body.id}`).set(bearer(operator)).expect(200);
    expect(forOperator.body.complainant).toMatchObject({ name: 'Andreas Wibowo', phone: '0812-8877-1234' });
    const forHumas = await t.http.get(`/api/v1/complaints/${body.id}`).set(bearer(humas)).expect(200);
    expect(forHumas.body.complainant.nik).toBe('3174051508850003');
    const forCommander = await t.http.get(`/api/v1/complaints/${body.id}`).set(bearer(commander)).expect(200);
    expect(forCommander.body.complainant).toBeUndefined();
    expect(JSON.stringify(forCommander.body)).not.toMatch(/Andreas Wibowo|8877|3174051508850003/);
    // issue 17: every read of the contact data is audited (who, whose, when), without the values
    const reads: { actor_id: string; subject_id: string; details: { fields: string[] }; at: Date }[] = await t.dataSource.query(
      `SELECT actor_id, subject_id, details, at FROM audit_event WHERE action = 'citizen_contact.read' AND subject_id = $1 ORDER BY seq`, [body.id]);
    const ids = await t.dataSource.query(`SELECT username, id FROM app_user WHERE username IN ('operator.kebayoran', 'humas.jaksel')`);
    const idOf = (name: string) => ids.find((u: { username: string }) => u.username === name).id;
    expect(reads.map((r) => r.actor_id)).toEqual([idOf('operator.kebayoran'), idOf('humas.jaksel')]);
    expect(reads[0].details.fields).toEqual(['name', 'phone', 'email', 'nik']);
    expect(reads[0].at).toBeInstanceOf(Date);
    expect(JSON.stringify(reads)).not.toMatch(/Andreas|8877|3174051508850003/);
    const sibling = await t.login('humas.jaktim');
    await t.http.get(`/api/v1/complaints/${body.id}`).set(bearer(sibling)).expect(404);
  });

  it('is idempotent on externalRef: same content 200 with the same ids, other content 409', async () => {
    const payload = complaint({ externalRef: 'DUMAS-IDEM' });
    const first = await t.http.post('/api/v1/complaints').set(bearer(operator)).send(payload).expect(201);
    const again = await t.http.post('/api/v1/complaints').set(bearer(operator)).send(payload).expect(200);
    expect(again.body).toEqual(first.body);
    const other = await t.http.post('/api/v1/complaints').set(bearer(operator)).send({ ...payload, summary: 'Lain' }).expect(409);
    expect(other.body.code).toBe('external_ref_conflict');
    // the same reference in another unit is another complaint
    await t.http.post('/api/v1/complaints').set(bearer(humas)).send({ ...payload, unitCode: 'POLSEK-CILANDAK' }).expect(201);
  });

  it('creates one complaint and one story from 20 parallel posts of the same externalRef', async () => {
    const payload = complaint({ externalRef: 'DUMAS-PARALLEL' });
    const answers = await Promise.all(Array.from({ length: 20 }, () => t.http.post('/api/v1/complaints').set(bearer(operator)).send(payload)));
    expect(answers.map((a) => a.status).sort((a, b) => a - b)).toEqual([...Array(19).fill(200), 201]);
    expect(new Set(answers.map((a) => a.body.storyId)).size).toBe(1);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM complaint WHERE external_ref = 'DUMAS-PARALLEL'`);
    expect(n).toBe(1);
    const [{ s }] = await t.dataSource.query(`SELECT count(*)::int AS s FROM story WHERE source_id = $1`, [answers[0].body.id]);
    expect(s).toBe(1);
  });

  it.each([
    ['a missing field', { summary: undefined }, 'summary'],
    ['a wrong type', { stages: 'pagi' }, 'stages'],
    ['an unknown category', { category: 'alien' }, 'category'],
    ['an unknown channel', { channel: 'pigeon' }, 'channel'],
    ['a local time without zone', { receivedAt: '2026-10-25 08:12' }, 'receivedAt'],
    ['resolvedAt before receivedAt', { resolvedAt: '2026-10-24T00:00:00Z' }, 'resolvedAt'],
    ['a time in the future', { resolvedAt: '2027-01-01T00:00:00Z' }, 'resolvedAt'],
    ['a stage before receipt', { stages: [{ at: '2026-10-20T00:00:00Z', label: 'x' }] }, 'stages[0].at'],
    ['oversized text', { summary: 'x'.repeat(2001) }, 'summary'],
    ['a bad NIK', { complainant: { name: 'A', nik: '123' } }, 'complainant.nik'],
    ['an unknown consent level', { consent: { level: 'public', quote: true } }, 'consent.level'],
    ['an unknown unit', { unitCode: 'POLSEK-NOWHERE' }, 'unitCode'],
    ['a constructor key', { constructor: { prototype: { admin: true } } }, 'constructor'],
    ['a nested __proto__ key', { location: JSON.parse('{"__proto__": {"admin": true}, "city": "x"}') }, 'location.__proto__'],
  ])('refuses %s naming the field, writing nothing', async (_label, change, field) => {
    const before = [await count('complaint'), await count('story'), await count('citizen_contact')];
    const body = JSON.parse(JSON.stringify({ ...complaint(), ...change }));
    const response = await t.http.post('/api/v1/complaints').set(bearer(operator)).send(body).expect(400);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(JSON.stringify(response.body)).not.toMatch(/8877|3174051508850003|andreas/i);
    expect([await count('complaint'), await count('story'), await count('citizen_contact')]).toEqual(before);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('refuses malformed JSON, other content types and out-of-scope units', async () => {
    const before = await count('complaint');
    await t.http.post('/api/v1/complaints').set(bearer(operator)).set('Content-Type', 'application/json').send('{"externalRef":').expect(400);
    await t.http.post('/api/v1/complaints').set(bearer(operator)).set('Content-Type', 'text/csv').send('a,b').expect(415);
    const outside = await t.http.post('/api/v1/complaints').set(bearer(operator)).send(complaint({ unitCode: 'POLSEK-CILANDAK' })).expect(403);
    expect(outside.body).toMatchObject({ code: 'unit_out_of_scope', errors: [{ field: 'unitCode', message: expect.any(String) }] });
    expect(await count('complaint')).toBe(before);
  });

  it('enforces the roles of each intake', async () => {
    await t.http.post('/api/v1/complaints').set(bearer(commander)).send(complaint()).expect(403);
    await t.http.post('/api/v1/feedback').set(bearer(commander)).send({}).expect(403);
    await t.http.post('/api/v1/achievements').set(bearer(operator)).send({}).expect(403);
  });

  describe('feedback', () => {
    const feedback = (over: Record<string, unknown> = {}) => ({
      unitCode: 'POLSEK-KEBAYORAN-BARU', serviceType: 'patroli', rating: 5, source: 'whatsapp', receivedAt: '2026-10-20T03:00:00Z',
      text: 'Patroli rutin, lingkungan aman. Hubungi saya di 081377776666.', author: { name: 'Ibu Sri Mulyani' }, consent: { level: 'name', quote: true },
      ...over,
    });

    it('makes a story only from good feedback with quote consent', async () => {
      const good = await t.http.post('/api/v1/feedback').set(bearer(operator)).send(feedback()).expect(201);
      expect(good.body.storyId).toEqual(expect.any(String));
      expect(good.body.redactions).toEqual([{ field: 'text', kind: 'phone', count: 1 }]);
      const low = await t.http.post('/api/v1/feedback').set(bearer(operator)).send(feedback({ rating: 3 })).expect(201);
      expect(low.body.storyId).toBeNull();
      const noQuote = await t.http.post('/api/v1/feedback').set(bearer(operator)).send(feedback({ consent: { level: 'name', quote: false } })).expect(201);
      expect(noQuote.body.storyId).toBeNull();
      const none = await t.http.post('/api/v1/feedback').set(bearer(operator)).send(feedback({ consent: { level: 'none', quote: true } })).expect(201);
      expect(none.body.storyId).toBeNull();
      const [row] = await t.dataSource.query(`SELECT text, public_attribution FROM feedback WHERE id = $1`, [good.body.id]);
      expect(row.text).not.toContain('081377776666');
      expect(row.public_attribution).toBe('Ibu Sri Mulyani');
    });

    it.each([[0], [6], [4.5], ['5']])('refuses rating %p', async (rating) => {
      const response = await t.http.post('/api/v1/feedback').set(bearer(operator)).send(feedback({ rating })).expect(400);
      expect(response.body.errors[0].field).toBe('rating');
    });
  });

  describe('achievements', () => {
    const achievement = {
      unitCode: 'POLSEK-KEBAYORAN-BARU', title: 'Anev Pelayanan Humanis', activityType: 'anev', happenedAt: '2026-10-25T02:00:00Z',
      location: { place: 'Aula Polsek', city: 'Jakarta Selatan' },
      participants: [{ rank: 'Kompol', name: 'Hendro Saputra', position: 'Kapolsek Kebayoran Baru' }],
      narrative: 'Anev bersama Bhabinkamtibmas. Warga dapat melapor ke 0813 4400 5566.',
      quotes: [{ speaker: { rank: 'Kompol', name: 'Hendro Saputra', position: 'Kapolsek Kebayoran Baru' }, text: 'Respons cepat.' }],
    };

    it('accepts an achievement from a commander and always makes its story', async () => {
      const { body } = await t.http.post('/api/v1/achievements').set(bearer(commander)).send(achievement).expect(201);
      expect(body.storyId).toEqual(expect.any(String));
      expect(body.redactions).toEqual([{ field: 'narrative', kind: 'phone', count: 1 }]);
      const [row] = await t.dataSource.query(`SELECT narrative, participants FROM achievement WHERE id = $1`, [body.id]);
      expect(row.narrative).not.toContain('4400');
      expect(row.participants[0].name).toBe('Hendro Saputra');
    });

    it('bounds the size of every list', async () => {
      const many = { ...achievement, participants: Array.from({ length: 31 }, () => achievement.participants[0]) };
      const response = await t.http.post('/api/v1/achievements').set(bearer(commander)).send(many).expect(400);
      expect(response.body.errors[0].field).toBe('participants');
    });
  });

  it('reopens a complaint and withdraws its story, once', async () => {
    const { body } = await t.http.post('/api/v1/complaints').set(bearer(operator)).send(complaint()).expect(201);
    await t.http.post(`/api/v1/complaints/${body.id}/reopen`).set(bearer(operator)).send({}).expect(400);
    const reopened = await t.http.post(`/api/v1/complaints/${body.id}/reopen`).set(bearer(operator)).send({ reason: 'Pelapor menyatakan motor belum diterima' }).expect(200);
    expect(reopened.body.status).toBe('reopened');
    const [story] = await t.dataSource.query(`SELECT status FROM story WHERE id = $1`, [body.storyId]);
    expect(story.status).toBe('withdrawn');
    const audit = await t.dataSource.query(`SELECT action FROM audit_event WHERE subject_id IN ($1, $2) ORDER BY seq`, [body.id, body.storyId]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['story.create', 'complaint.create', 'complaint.reopen', 'story.withdraw', 'citizen_contact.read']);
    await t.http.post(`/api/v1/complaints/${body.id}/reopen`).set(bearer(operator)).send({ reason: 'lagi' }).expect(409);
    await t.http.post(`/api/v1/complaints/${body.id}/reopen`).set(bearer(commander)).send({ reason: 'lagi' }).expect(403);
  });

  it('erases contact data after the retention period, once per day across instances', async () => {
    await t.http.post('/api/v1/complaints').set(bearer(operator)).send(complaint()).expect(201);
    const job = t.app.get(RetentionJob);
    clock.set(new Date('2027-02-01T00:00:00Z')); // 90 days after everything received in October
    const results = await Promise.all([job.run(), job.run(), job.run()]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    const [{ left }] = await t.dataSource.query(`SELECT count(*)::int AS left FROM citizen_contact WHERE received_at < '2026-11-03' AND (name IS NOT NULL OR phone IS NOT NULL)`);
    expect(left).toBe(0);
    const [{ kept }] = await t.dataSource.query(`SELECT count(*)::int AS kept FROM citizen_contact WHERE erased_at IS NULL`);
    expect(kept).toBe(0);
    const [audit] = await t.dataSource.query(`SELECT details FROM audit_event WHERE action = 'privacy.retention'`);
    expect(audit.details.erased).toBeGreaterThan(0);
    // stories keep what consent allowed
    const [{ attribution }] = await t.dataSource.query(`SELECT public_attribution AS attribution FROM complaint WHERE external_ref = 'DUMAS-1'`);
    expect(attribution).toBe('A.W.');
    clock.set(new Date('2026-11-01T00:00:00Z'));
  });
});

(haveFixtures ? describe : describe.skip)('shared fixtures', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock: new FixedClock(new Date('2026-11-20T00:00:00Z')) });
    const admin = await t.login('admin');
    for (const unit of fixture('units') as Record<string, unknown>[]) {
      const { parentCode, ...rest } = unit;
      const response = await t.http.post('/api/v1/units').set(bearer(admin)).send({ ...rest, parentCode: parentCode ?? undefined });
      expect([201, 409]).toContain(response.status);
    }
  });
  afterAll(() => t.close());

  it.each([['complaints'], ['feedback'], ['achievements']])('accepts every %s fixture and keeps its personal data out of every story', async (name) => {
    const admin = await t.login('admin');
    for (const item of fixture(name) as Record<string, unknown>[]) {
      const response = await t.http.post(`/api/v1/${name}`).set(bearer(admin)).send(item);
      expect(response.status).toBe(201);
      const published = JSON.stringify(await t.dataSource.query(
        `SELECT s.title, s.slug, c.summary, c.resolution, c.stages, c.quote, c.location, f.text, a.narrative, a.quotes
           FROM story s LEFT JOIN complaint c ON c.id = s.source_id LEFT JOIN feedback f ON f.id = s.source_id
           LEFT JOIN achievement a ON a.id = s.source_id`,
      ));
      const sourceRows = JSON.stringify(await t.dataSource.query(`SELECT summary, resolution, stages, quote FROM complaint UNION ALL SELECT text, null, null, null FROM feedback`));
      for (const value of personalValues(item)) {
        expect(published).not.toContain(value);
        expect(digitsOf(published)).not.toContain(digitsOf(value).length >= 8 ? digitsOf(value) : '\u0000');
        expect(sourceRows).not.toContain(value);
      }
    }
  });
});
