import { FixedClock } from '../../src/common/clock';
import { Dispatcher } from '../../src/publishing/dispatcher.service';
import { noisyPhoto } from '../support/images';
import { count, createMediaTestApp, upload } from '../support/media';
import { bearer, type TestApp } from '../support/test-app';

let seq = 0;
const complaint = (over: Record<string, unknown> = {}) => ({
  externalRef: `DAILY-${++seq}`, unitCode: 'POLSEK-KEBAYORAN-BARU', category: 'kemacetan', channel: 'call_center_110',
  receivedAt: '2026-11-10T00:45:00Z', resolvedAt: '2026-11-10T01:30:00Z',
  location: { subdistrict: 'Gunung', district: 'Kebayoran Baru', city: 'Jakarta Selatan' },
  summary: `Kemacetan panjang di persimpangan Gunung, laporan ${seq}.`, resolution: 'Petugas mengatur arus hingga lancar.',
  complainant: { name: 'Budi' }, consent: { level: 'none', quote: false },
  ...over,
});
const feedback = (over: Record<string, unknown> = {}) => ({
  unitCode: 'POLSEK-KEBAYORAN-BARU', serviceType: 'skck', rating: 5, text: 'Pelayanan cepat dan ramah.', source: 'survey',
  receivedAt: '2026-11-10T03:00:00Z', author: { name: 'Sari' }, consent: { level: 'anonymous', quote: true }, ...over,
});
const achievement = (over: Record<string, unknown> = {}) => ({
  unitCode: 'POLSEK-KEBAYORAN-BARU', title: 'Patroli Subuh Bersama Warga', activityType: 'patroli', happenedAt: '2026-11-10T22:00:00Z',
  location: { place: 'Taman Puring', city: 'Jakarta Selatan' }, narrative: 'Patroli subuh bersama warga.', ...over,
});

/** Issue 19: the API side of the console's daily use (validation, report numbers, per-channel publishing, story photos). */
describe('API for the console\'s daily use', () => {
  const clock = new FixedClock(new Date('2026-11-20T02:00:00Z'));
  let t: TestApp & { cleanup(): Promise<void> };
  let operator: string;
  let humas: string;
  let approver: string;
  let commander: string;

  beforeAll(async () => {
    t = await createMediaTestApp({ DISPATCH_INTERVAL_MS: '0' }, clock);
    [operator, humas, approver, commander] = [
      await t.login('operator.kebayoran'), await t.login('humas.kebayoran'), await t.login('humas.jaksel'), await t.login('kapolsek.kebayoran'),
    ];
  });
  afterAll(() => t.cleanup());

  const tables = async () => [await count(t, 'complaint'), await count(t, 'feedback'), await count(t, 'achievement'), await count(t, 'story'), await count(t, 'citizen_contact')];

  it.each([
    ['a complaint without its location', '/api/v1/complaints', () => complaint({ location: undefined }), 'location', () => operator],
    ['a complaint without its complainant', '/api/v1/complaints', () => complaint({ complainant: undefined }), 'complainant', () => operator],
    ['a complaint without consent', '/api/v1/complaints', () => complaint({ consent: undefined }), 'consent', () => operator],
    ['a complaint whose location is text', '/api/v1/complaints', () => complaint({ location: 'Gunung' }), 'location', () => operator],
    ['feedback without its author', '/api/v1/feedback', () => feedback({ author: undefined }), 'author', () => operator],
    ['an achievement without place and city', '/api/v1/achievements', () => achievement({ location: undefined }), 'location', () => commander],
    ['an achievement quote without its speaker', '/api/v1/achievements', () => achievement({ quotes: [{ text: 'Kami hadir.' }] }), 'quotes[0].speaker', () => commander],
  ])('refuses %s with 400 naming the group (was a 500), writing nothing', async (_name, path, body, field, token) => {
    const before = await tables();
    const response = await t.http.post(path).set(bearer(token())).send(body()).expect(400);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(response.body.errors).toContainEqual(expect.objectContaining({ field, code: expect.stringMatching(/^(required|invalid_type)$/) }));
    expect(await tables()).toEqual(before);
  });

  it('answers every bad field at once, with a code and the rule\'s limit, in Indonesian when asked (Accept-Language: id)', async () => {
    const bad = complaint({ externalRef: '<b>1</b>', category: 'alien', summary: 'x'.repeat(2001), location: undefined, complainant: { name: '', phone: 'call me' } });
    const english = await t.http.post('/api/v1/complaints').set(bearer(operator)).send(bad).expect(400);
    const byField = (body: { errors: { field: string; message: string }[] }) => Object.fromEntries(body.errors.map((e) => [e.field, e]));
    const en = byField(english.body);
    expect(Object.keys(en).sort()).toEqual(['category', 'complainant.name', 'complainant.phone', 'externalRef', 'location', 'summary']);
    expect(en.summary).toMatchObject({ code: 'too_long', max: 2000, message: expect.stringMatching(/summary must be shorter/) });
    expect(en.location).toMatchObject({ code: 'required', message: 'location is required' });
    expect(english.headers.vary).toMatch(/Accept-Language/i);

    const indonesian = await t.http.post('/api/v1/complaints').set(bearer(operator)).set('Accept-Language', 'id-ID,id;q=0.9,en;q=0.8').send(bad).expect(400);
    const id = byField(indonesian.body);
    expect(id.summary).toMatchObject({ field: 'summary', code: 'too_long', max: 2000, message: 'Ringkasan laporan terlalu panjang: paling banyak 2.000 karakter.' });
    expect(id.location).toMatchObject({ code: 'required', message: 'Lokasi wajib diisi.' });
    expect(id.category.message).toBe('Pilih kategori dari daftar.');
    expect(id['complainant.name'].message).toBe('Nama pelapor wajib diisi.');
    expect(id['complainant.phone'].message).toBe('Telepon pelapor harus berupa nomor telepon, mis. 0812-8877-1234.');
    expect(id.externalRef.message).toMatch(/^Nomor referensi laporan hanya boleh/);
    expect(indonesian.body.detail).toMatch(/^Isian belum benar: .*Ringkasan laporan/);
    // English still leads when the caller prefers it
    const preferEnglish = await t.http.post('/api/v1/complaints').set(bearer(operator)).set('Accept-Language', 'en;q=1, id;q=0.5').send(bad).expect(400);
    expect(byField(preferEnglish.body).location.message).toBe('location is required');

    // the services' own rules carry codes too and are said in Indonesian
    const future = await t.http.post('/api/v1/complaints').set(bearer(operator)).set('Accept-Language', 'id')
      .send(complaint({ receivedAt: '2026-11-10T02:00:00Z', resolvedAt: '2026-11-10T01:00:00Z' })).expect(400);
    expect(future.body.errors).toEqual([{ field: 'resolvedAt', code: 'before_received', message: 'Selesai ditangani tidak boleh sebelum waktu Diterima.' }]);
    const outside = await t.http.post('/api/v1/complaints').set(bearer(operator)).set('Accept-Language', 'id').send(complaint({ unitCode: 'POLSEK-CILANDAK' })).expect(403);
    expect(outside.body.errors).toEqual([{ field: 'unitCode', code: 'out_of_scope', message: 'Satuan berada di luar wilayah tugas Anda.' }]);
  });

  it('accepts real LP and Dumas numbers (spaces, parentheses, commas, up to 200 characters); runs of spaces are one', async () => {
    const lp = 'LP/B/1187/XII/2026/SPKT/Polsek KBY';
    const created = await t.http.post('/api/v1/complaints').set(bearer(operator)).send(complaint({ externalRef: lp })).expect(201);
    // the same number typed with doubled spaces (and the same content) is the same report: 200 with the same ids
    const same = `Kemacetan panjang di persimpangan Gunung, laporan ${seq}.`;
    const again = await t.http.post('/api/v1/complaints').set(bearer(operator)).send(complaint({ externalRef: ' LP/B/1187/XII/2026/SPKT/Polsek  KBY ', summary: same })).expect(200);
    expect(again.body.id).toBe(created.body.id);
    const [row] = await t.dataSource.query(`SELECT external_ref FROM complaint WHERE id = $1`, [created.body.id]);
    expect(row.external_ref).toBe(lp);
    const long = `LP/B/1187/XII/2026/SPKT/POLSEK KEBAYORAN BARU/POLRES METRO JAKARTA SELATAN/POLDA METRO JAYA (Dumas 12, 2026) #${'9'.repeat(80)}`;
    expect(long.length).toBeGreaterThan(100);
    await t.http.post('/api/v1/complaints').set(bearer(operator)).send(complaint({ externalRef: long })).expect(201);
    await t.http.post('/api/v1/complaints').set(bearer(operator)).send(complaint({ externalRef: 'Dumas/123/XI/2026 (Polres), Ditreskrimum' })).expect(201);
    await t.http.post('/api/v1/complaints').set(bearer(operator)).send(complaint({ externalRef: 'x'.repeat(201) })).expect(400);
    await t.http.post('/api/v1/complaints').set(bearer(operator)).send(complaint({ externalRef: ' /LP' })).expect(400);
  });

  /** A story approved for the given channels by a second officer. */
  const approvedStory = async (channels: string[], embargoUntil?: string) => {
    const { body } = await t.http.post('/api/v1/complaints').set(bearer(operator)).send(complaint()).expect(201);
    await t.http.post(`/api/v1/stories/${body.storyId}/submit`).set(bearer(operator)).expect(200);
    await t.http.post(`/api/v1/stories/${body.storyId}/approve`).set(bearer(approver)).send({ channels, ...(embargoUntil ? { embargoUntil } : {}) }).expect(200);
    return body.storyId as string;
  };
  const publication = async (id: string, channel: string) =>
    (await t.dataSource.query(`SELECT status, due_at, url, confirmed_by FROM publication WHERE story_id = $1 AND channel = $2`, [id, channel]))[0];

  it('reschedules one channel (never before the embargo), and refuses to move what is no longer waiting', async () => {
    const id = await approvedStory(['website', 'x'], '2026-11-21T03:00:00Z');
    await t.http.post(`/api/v1/stories/${id}/schedule`).set(bearer(humas)).send({ at: '2026-11-22T02:00:00Z' }).expect(200);
    const moved = await t.http.post(`/api/v1/stories/${id}/publications/x/reschedule`).set(bearer(humas)).send({ at: '2026-11-23T05:30:00Z' }).expect(200);
    expect(moved.body).toMatchObject({ channel: 'x', status: 'scheduled', dueAt: '2026-11-23T05:30:00.000Z' });
    expect((await publication(id, 'x')).due_at.toISOString()).toBe('2026-11-23T05:30:00.000Z');
    expect((await publication(id, 'website')).due_at.toISOString()).toBe('2026-11-22T02:00:00.000Z'); // the other channel untouched
    const early = await t.http.post(`/api/v1/stories/${id}/publications/x/reschedule`).set(bearer(humas)).send({ at: '2026-11-20T05:00:00Z' }).expect(200);
    expect(early.body.dueAt).toBe('2026-11-21T03:00:00.000Z'); // the embargo wins
    await t.http.post(`/api/v1/stories/${id}/publications/x/reschedule`).set(bearer(humas)).send({ at: 'besok' }).expect(400);
    await t.http.post(`/api/v1/stories/${id}/publications/x/reschedule`).set(bearer(operator)).send({ at: '2026-11-23T05:30:00Z' }).expect(403);
    await t.http.post(`/api/v1/stories/${id}/publications/x/cancel`).set(bearer(humas)).expect(200);
    const refused = await t.http.post(`/api/v1/stories/${id}/publications/x/reschedule`).set(bearer(humas)).send({ at: '2026-11-23T05:30:00Z' }).expect(409);
    expect(refused.body).toMatchObject({ code: 'illegal_transition', state: 'cancelled' });
    const trail = await t.http.get(`/api/v1/stories/${id}/audit`).set(bearer(humas)).expect(200);
    expect(trail.body.items.map((e: { action: string }) => e.action)).toContain('publication.reschedule');
  });

  it('confirms a WhatsApp group post without a URL, records more groups, and lists every post to delete by hand after a withdrawal', async () => {
    const id = await approvedStory(['whatsapp', 'x']);
    await t.http.post(`/api/v1/stories/${id}/schedule`).set(bearer(humas)).send({}).expect(200);
    await t.app.get(Dispatcher).tick();
    expect((await publication(id, 'whatsapp')).status).toBe('awaiting_manual');
    // X without a URL is refused: a post on X has an address
    const noUrl = await t.http.post(`/api/v1/stories/${id}/publications/x/confirm`).set(bearer(humas)).send({}).expect(400);
    expect(noUrl.body.errors).toEqual([expect.objectContaining({ field: 'url', code: 'required' })]);
    await t.http.post(`/api/v1/stories/${id}/publications/whatsapp/confirm`).set(bearer(humas)).send({ target: 'Grup RT 05 Gunung' }).expect(200);
    const confirmed = await publication(id, 'whatsapp');
    expect(confirmed).toMatchObject({ status: 'published', url: null, confirmed_by: expect.any(String) });
    await t.http.post(`/api/v1/stories/${id}/publications/whatsapp/posts`).set(bearer(humas)).send({ target: 'Grup RW 02 Gunung' }).expect(200);
    await t.http.post(`/api/v1/stories/${id}/publications/x/confirm`).set(bearer(humas)).send({ url: 'https://x.com/polsek/status/1' }).expect(200);
    expect((await t.http.get(`/api/v1/stories/${id}`).set(bearer(humas)).expect(200)).body.status).toBe('published');

    await t.http.post(`/api/v1/stories/${id}/withdraw`).set(bearer(humas)).send({ reason: 'Data pelapor keliru' }).expect(200);
    const list = await t.http.get(`/api/v1/stories/${id}/external-posts`).set(bearer(humas)).expect(200);
    const items = list.body.items as { key: string; channel: string; target: string | null; url: string | null; removedAt: string | null }[];
    expect(items.map((i) => [i.channel, i.target, i.url])).toEqual([
      ['whatsapp', 'Grup RT 05 Gunung', null], ['whatsapp', 'Grup RW 02 Gunung', null], ['x', null, 'https://x.com/polsek/status/1'],
    ]);
    const after = await t.http.post(`/api/v1/stories/${id}/external-posts/removed`).set(bearer(humas)).send({ key: items[2].key }).expect(200);
    expect(after.body.items.find((i: { key: string }) => i.key === items[2].key)).toMatchObject({ removedAt: expect.any(String), removedBy: 'humas.kebayoran' });
    await t.http.post(`/api/v1/stories/${id}/external-posts/removed`).set(bearer(humas)).send({ key: items[2].key }).expect(409);
    await t.http.post(`/api/v1/stories/${id}/external-posts/removed`).set(bearer(humas)).send({ key: 'post:not-a-key' }).expect(400);
  });

  it('sets a story\'s photos before approval and lints its drafts again (Instagram needs an image)', async () => {
    const { body } = await t.http.post('/api/v1/complaints').set(bearer(operator)).send(complaint()).expect(201);
    const id = body.storyId as string;
    const lintOf = async (channel: string) => ((await t.http.get(`/api/v1/stories/${id}`).set(bearer(humas)).expect(200)).body.drafts as { channel: string; lint: { code: string }[] }[])
      .find((d) => d.channel === channel)!.lint.map((f) => f.code);
    expect(await lintOf('instagram')).toContain('image_missing');
    const photo = (await upload(t, humas, await noisyPhoto(800, 600)).expect(201)).body.id as string;
    const second = (await upload(t, humas, await noisyPhoto(640, 480)).expect(201)).body.id as string;
    await t.http.put(`/api/v1/stories/${id}/media`).set(bearer(humas)).send({ mediaIds: [second, photo] }).expect(200);
    expect(await lintOf('instagram')).not.toContain('image_missing');
    const order = await t.dataSource.query(`SELECT media_id FROM story_media WHERE story_id = $1 ORDER BY position`, [id]);
    expect(order.map((r: { media_id: string }) => r.media_id)).toEqual([second, photo]);
    await t.http.put(`/api/v1/stories/${id}/media`).set(bearer(humas)).send({ mediaIds: [] }).expect(200);
    expect(await lintOf('instagram')).toContain('image_missing');
    await t.http.put(`/api/v1/stories/${id}/media`).set(bearer(operator)).send({ mediaIds: [photo] }).expect(403);
    await t.http.put(`/api/v1/stories/${id}/media`).set(bearer(humas)).send({ mediaIds: ['5f0c2a4e-8d2b-4a51-9a57-0d6f1f1c2b3a'] }).expect(400);
    // once approved, what was approved is what goes out
    await t.http.post(`/api/v1/stories/${id}/submit`).set(bearer(operator)).expect(200);
    await t.http.post(`/api/v1/stories/${id}/approve`).set(bearer(approver)).send({ channels: ['website'] }).expect(200);
    const locked = await t.http.put(`/api/v1/stories/${id}/media`).set(bearer(humas)).send({ mediaIds: [photo] }).expect(409);
    expect(locked.body.code).toBe('story_locked');
  });
});
