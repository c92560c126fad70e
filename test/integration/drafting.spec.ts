import { DraftWriter } from '../../src/drafting/draft-writer.service';
import { ShingleCache } from '../../src/drafting/lint/near-duplicate';
import twitterText from 'twitter-text';
import { FixedClock } from '../../src/common/clock';
import { digitsOf, fixture, haveFixtures, personalValues } from '../support/fixtures';
import { bearer, createTestApp, type TestApp } from '../support/test-app';

interface Draft { channel: string; title: string | null; body: string; revision: number; lint: { code: string; severity: string }[]; edited: boolean }

(haveFixtures ? describe : describe.skip)('drafts of the shared fixtures', () => {
  let t: TestApp;
  const stories: { kind: string; item: Record<string, unknown>; drafts: Draft[] }[] = [];

  beforeAll(async () => {
    t = await createTestApp({ clock: new FixedClock(new Date('2026-11-20T00:00:00Z')) });
    const admin = await t.login('admin');
    for (const unit of fixture('units') as Record<string, unknown>[]) {
      const response = await t.http.post('/api/v1/units').set(bearer(admin)).send({ ...unit, parentCode: unit.parentCode ?? undefined });
      expect([201, 409]).toContain(response.status);
    }
    for (const kind of ['complaints', 'feedback', 'achievements']) {
      for (const item of fixture(kind) as Record<string, unknown>[]) {
        const { body } = await t.http.post(`/api/v1/${kind}`).set(bearer(admin)).send(item).expect(201);
        if (!body.storyId) continue;
        const story = await t.http.get(`/api/v1/stories/${body.storyId}`).set(bearer(admin)).expect(200);
        stories.push({ kind, item, drafts: story.body.drafts });
      }
    }
  });
  afterAll(() => t.close());

  it('drafts every channel of every story, without lint errors', () => {
    expect(stories.length).toBe(8 + 7 + 6);
    for (const { drafts } of stories) {
      expect(drafts.map((d) => d.channel)).toEqual(['website', 'x', 'instagram', 'facebook', 'tiktok', 'whatsapp', 'telegram']);
      for (const draft of drafts) {
        expect({ channel: draft.channel, errors: draft.lint.filter((f) => f.severity === 'error') }).toEqual({ channel: draft.channel, errors: [] });
        expect(draft.body.length).toBeGreaterThan(40);
      }
    }
  });

  it('keeps every personal value of the input out of every draft', () => {
    for (const { item, drafts } of stories) {
      const text = JSON.stringify(drafts.map((d) => [d.title, d.body]));
      for (const value of personalValues(item)) {
        expect(text).not.toContain(value);
        if (digitsOf(value).length >= 8) expect(digitsOf(text)).not.toContain(digitsOf(value));
      }
      for (const person of [item.complainant, item.author] as ({ name: string; nik?: string } | undefined)[]) {
        const consent = item.consent as { level: string } | undefined;
        if (person && consent && consent.level !== 'name') expect(text).not.toContain(person.name);
      }
    }
  });

  it('attributes citizens as their consent allows', () => {
    const byRef = (ref: string) => stories.find((s) => s.item.externalRef === ref)!;
    expect(byRef('DUMAS-2026-000117').drafts[0].body).toContain('Andreas Wibowo'); // consent: name
    const anonymous = byRef('DUMAS-2026-000131').drafts[0].body; // consent: anonymous
    expect(anonymous).toContain('seorang warga');
    expect(anonymous).not.toContain('Siti');
    const initials = stories.find((s) => (s.item.author as { name?: string } | undefined)?.name === 'Hendra Siregar')!;
    expect(initials.drafts[0].body).toContain('H.S.');
    expect(initials.drafts[0].body).not.toContain('Hendra');
  });

  it('tells times in the unit\'s own zone', () => {
    const zones = stories.filter((s) => s.kind === 'complaints').map((s) => s.drafts[0].body.match(/pukul \d{2}\.\d{2} (WIB|WITA|WIT)/)?.[1]);
    expect(zones).toEqual(expect.arrayContaining(['WIB', 'WITA', 'WIT']));
    const makassar = stories.find((s) => s.item.unitCode === 'POLRESTABES-MAKASSAR' && s.kind === 'complaints');
    if (makassar) expect(makassar.drafts[0].body).toMatch(/WITA/);
  });

  it('writes X posts that twitter-text accepts, each with the release link', () => {
    for (const { drafts } of stories) {
      const x = drafts.find((d) => d.channel === 'x')!;
      expect(twitterText.parseTweet(x.body).valid).toBe(true);
      expect(x.body).toMatch(/https?:\/\/\S+\/rilis\/\S+/);
    }
  });

  it('gives the press release a headline of at most 120 characters and a dateline', () => {
    for (const { drafts } of stories) {
      const website = drafts[0];
      expect(website.title!.length).toBeGreaterThan(10);
      expect(website.title!.length).toBeLessThanOrEqual(120);
      expect(website.body).toMatch(/^[A-Z ]+ - /);
    }
  });
});

describe('editing, regenerating and template overrides', () => {
  let t: TestApp;
  let humas: string;
  let storyId: string;

  const complaint = {
    externalRef: 'EDIT-1', unitCode: 'POLSEK-KEBAYORAN-BARU', category: 'tawuran', channel: 'social_media',
    receivedAt: '2026-10-26T16:05:00Z', resolvedAt: '2026-10-26T17:10:00Z',
    location: { subdistrict: 'Cipete Selatan', district: 'Cilandak', city: 'Jakarta Selatan' },
    summary: 'Warga melaporkan sekelompok remaja bersiap tawuran.', resolution: 'Tim patroli membubarkan kerumunan.',
    stages: [{ at: '2026-10-26T16:19:00Z', label: 'Tim patroli tiba di lokasi' }],
    complainant: { name: 'Siti Rahmawati' }, consent: { level: 'anonymous', quote: true }, quote: 'Polisi datang cepat.',
  };

  beforeAll(async () => {
    t = await createTestApp({ clock: new FixedClock(new Date('2026-11-20T00:00:00Z')) });
    humas = await t.login('humas.jaksel');
    const { body } = await t.http.post('/api/v1/complaints').set(bearer(humas)).send(complaint).expect(201);
    storyId = body.storyId;
  });
  afterAll(() => t.close());

  const draftOf = async (channel: string): Promise<Draft> =>
    (await t.http.get(`/api/v1/stories/${storyId}`).set(bearer(humas)).expect(200)).body.drafts.find((d: Draft) => d.channel === channel);

  it('stores an edit as a new revision, re-linted, and refuses a stale revision', async () => {
    const x = await draftOf('x');
    const edited = await t.http.put(`/api/v1/stories/${storyId}/drafts/x`).set(bearer(humas)).send({ body: 'Teks baru, hubungi 0812-8877-1234', revision: x.revision }).expect(200);
    expect(edited.body).toMatchObject({ revision: x.revision + 1, edited: true });
    expect(edited.body.lint.map((f: { code: string }) => f.code)).toContain('personal_data');
    const stale = await t.http.put(`/api/v1/stories/${storyId}/drafts/x`).set(bearer(humas)).send({ body: 'lagi', revision: x.revision }).expect(409);
    expect(stale.body).toMatchObject({ code: 'stale_revision', currentRevision: x.revision + 1 });
    const history = await t.http.get(`/api/v1/stories/${storyId}/drafts/x/revisions`).set(bearer(humas)).expect(200);
    expect(history.body.items.map((r: { source: string }) => r.source)).toEqual(['edit', 'template']);
    const [story] = await t.dataSource.query(`SELECT last_edited_by FROM story WHERE id = $1`, [storyId]);
    expect(story.last_edited_by).toEqual(expect.any(String));
  });

  it('keeps a human edit on regeneration unless forced', async () => {
    await t.http.put(`/api/v1/stories/${storyId}/drafts/x`).set(bearer(humas)).send({ body: 'Suntingan manusia.', revision: (await draftOf('x')).revision }).expect(200);
    const kept = await t.http.post(`/api/v1/stories/${storyId}/regenerate`).set(bearer(humas)).send({}).expect(200);
    expect(kept.body.kept).toEqual(['x']);
    expect(kept.body.regenerated).toHaveLength(6);
    expect((await draftOf('x')).body).toBe('Suntingan manusia.');
    const forced = await t.http.post(`/api/v1/stories/${storyId}/regenerate`).set(bearer(humas)).send({ channels: ['x'], force: true }).expect(200);
    expect(forced.body.regenerated).toEqual(['x']);
    expect((await draftOf('x')).body).not.toBe('Suntingan manusia.');
  });

  it('refuses bad edits naming the field', async () => {
    const bad = await t.http.put(`/api/v1/stories/${storyId}/drafts/x`).set(bearer(humas)).send({ body: '', revision: 'one' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body', 'revision']);
    await t.http.put(`/api/v1/stories/${storyId}/drafts/myspace`).set(bearer(humas)).send({ body: 'x', revision: 1 }).expect(400);
    const operator = await t.login('operator.kebayoran');
    await t.http.put(`/api/v1/stories/${storyId}/drafts/x`).set(bearer(operator)).send({ body: 'x', revision: 1 }).expect(403);
    const sibling = await t.login('humas.jaktim');
    await t.http.put(`/api/v1/stories/${storyId}/drafts/x`).set(bearer(sibling)).send({ body: 'x', revision: 1 }).expect(404);
  });

  it('refuses template overrides that do not compile or do not render, with the line', async () => {
    const syntax = await t.http.put('/api/v1/templates/complaint/x').set(bearer(humas)).send({ body: 'Halo\n{{#if unit.name}}tanpa penutup', unitCode: 'POLRES-JAKSEL' }).expect(422);
    expect(syntax.body).toMatchObject({ code: 'template_invalid', line: 2 });
    const field = await t.http.put('/api/v1/templates/complaint/x').set(bearer(humas)).send({ body: '{{unit.nama}}', unitCode: 'POLRES-JAKSEL' }).expect(422);
    expect(field.body.detail).toMatch(/nama/);
    // Handlebars' own wording names the context as "[object Object]": not shown to the author
    expect(field.body.detail).not.toMatch(/object Object/);
    const escape = await t.http.put('/api/v1/templates/complaint/x').set(bearer(humas)).send({ body: '{{constructor.constructor "return process"}}', unitCode: 'POLRES-JAKSEL' }).expect(422);
    expect(escape.body.code).toBe('template_invalid');
    await t.http.put('/api/v1/templates/complaint/x').set(bearer(humas)).send({ body: 'Global {{url}}' }).expect(403);
  });

  it('versions overrides and drafts new stories of the unit and the units below it with them', async () => {
    const first = await t.http.put('/api/v1/templates/complaint/x').set(bearer(humas)).send({ body: 'Versi satu {{unit.name}} {{url}}', unitCode: 'POLRES-JAKSEL' }).expect(200);
    expect(first.body.version).toBe(1);
    const second = await t.http.put('/api/v1/templates/complaint/x').set(bearer(humas)).send({ body: 'Kabar {{unit.name}}: {{url}}', unitCode: 'POLRES-JAKSEL' }).expect(200);
    expect(second.body.version).toBe(2);
    const { body } = await t.http.post('/api/v1/complaints').set(bearer(humas)).send({ ...complaint, externalRef: 'EDIT-2' }).expect(201);
    const story = await t.http.get(`/api/v1/stories/${body.storyId}`).set(bearer(humas)).expect(200);
    const x = story.body.drafts.find((d: Draft) => d.channel === 'x');
    expect(x.body).toMatch(/^Kabar Polsek Kebayoran Baru: http/);
    expect(x.templateVersion).toBe(2);
    const listed = await t.http.get('/api/v1/templates/complaint/x').set(bearer(humas)).expect(200);
    expect(listed.body.overrides.map((o: { version: number; active: boolean }) => [o.version, o.active])).toEqual([[2, true], [1, false]]);
    // a unit outside the Polres is not affected
    const makassar = await t.login('humas.makassar');
    const other = await t.http.post('/api/v1/complaints').set(bearer(makassar)).send({ ...complaint, externalRef: 'EDIT-3', unitCode: 'POLRESTABES-MAKASSAR' }).expect(201);
    const otherStory = await t.http.get(`/api/v1/stories/${other.body.storyId}`).set(bearer(makassar)).expect(200);
    expect(otherStory.body.drafts.find((d: Draft) => d.channel === 'x').body).not.toMatch(/^Kabar/);
  });

  it('warns when a release reads almost like a recent one of the same unit', async () => {
    const body = `Judul Rilis {{unit.name}}\n\n{{unit.cityUpper}} - {{unit.name}} menuntaskan laporan warga tentang {{complaint.summary}} Penanganan: {{complaint.resolution}} Petugas terus bersiaga melayani masyarakat dengan cepat dan humanis setiap hari.`;
    await t.http.put('/api/v1/templates/complaint/website').set(bearer(humas)).send({ body, unitCode: 'POLSEK-CILANDAK' }).expect(200);
    const first = await t.http.post('/api/v1/complaints').set(bearer(humas)).send({ ...complaint, externalRef: 'DUP-1', unitCode: 'POLSEK-CILANDAK' }).expect(201);
    const second = await t.http.post('/api/v1/complaints').set(bearer(humas)).send({ ...complaint, externalRef: 'DUP-2', unitCode: 'POLSEK-CILANDAK' }).expect(201);
    const lintOf = async (id: string) => (await t.http.get(`/api/v1/stories/${id}`).set(bearer(humas)).expect(200)).body.drafts[0].lint.map((f: { code: string }) => f.code);
    expect(await lintOf(first.body.storyId)).not.toContain('near_duplicate');
    expect(await lintOf(second.body.storyId)).toContain('near_duplicate');
    // as on another instance, whose cache has not seen these releases: their bodies are read back
    (t.app.get(DraftWriter) as unknown as { recentShingles: ShingleCache }).recentShingles = new ShingleCache();
    const third = await t.http.post('/api/v1/complaints').set(bearer(humas)).send({ ...complaint, externalRef: 'DUP-3', unitCode: 'POLSEK-CILANDAK' }).expect(201);
    expect(await lintOf(third.body.storyId)).toContain('near_duplicate');
  });

  it('previews a template against a story or the samples', async () => {
    const preview = await t.http.post('/api/v1/templates/preview').set(bearer(humas)).send({ kind: 'complaint', channel: 'whatsapp', body: '*{{unit.name}}* {{url}}', storyId }).expect(200);
    expect(preview.body.drafts[0].body).toMatch(/^\*Polsek Kebayoran Baru\* http/);
    const samples = await t.http.post('/api/v1/templates/preview').set(bearer(humas)).send({ kind: 'feedback', channel: 'x', body: '{{feedback.serviceLabel}} {{url}}' }).expect(200);
    expect(samples.body.drafts.length).toBeGreaterThan(0);
  });

  it('lists stories with filters, search and paging, within scope', async () => {
    const all = await t.http.get('/api/v1/stories?pageSize=2').set(bearer(humas)).expect(200);
    expect(all.body).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    const found = await t.http.get('/api/v1/stories?q=Kabar%20Polsek%20Kebayoran').set(bearer(humas)).expect(200);
    expect(found.body.total).toBe(1);
    const none = await t.http.get('/api/v1/stories?q=100%25_').set(bearer(humas)).expect(200);
    expect(none.body.total).toBe(0);
    const byUnit = await t.http.get('/api/v1/stories?unitCode=POLSEK-KEBAYORAN-BARU&status=draft&kind=complaint').set(bearer(humas)).expect(200);
    expect(byUnit.body.total).toBe(2);
    await t.http.get('/api/v1/stories?unitCode=POLRESTABES-MAKASSAR').set(bearer(humas)).expect(403);
    await t.http.get('/api/v1/stories?status=lost').set(bearer(humas)).expect(400);
  });
});
