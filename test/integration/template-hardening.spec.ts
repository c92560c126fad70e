import { expectHealthyDuring } from '../support/health-probe';
import { bearer, createTestApp, type TestApp } from '../support/test-app';

/**
 * Officer-written templates (overrides) never block the instance (issue 17, items 2 and 3): size
 * and nesting limits at parse, rendering in a worker thread stopped at TEMPLATE_RENDER_TIMEOUT_MS,
 * refusals as 422 naming the line, and none of Handlebars' built-ins that templates do not need.
 */
const complaint = (externalRef: string) => ({
  externalRef, unitCode: 'POLSEK-KEBAYORAN-BARU', category: 'kemacetan', channel: 'call_center_110',
  receivedAt: '2026-11-10T00:45:00Z', resolvedAt: '2026-11-10T01:30:00Z',
  location: { subdistrict: 'Kuningan Timur', district: 'Setiabudi', city: 'Jakarta Selatan' },
  summary: 'Kemacetan panjang akibat truk mogok.', resolution: 'Satlantas menderek truk dan mengatur arus.',
  stages: [{ at: '2026-11-10T00:58:00Z', label: 'Petugas tiba' }], complainant: { name: 'Budi' }, consent: { level: 'none', quote: false },
});

/** Passes every parse limit but costs ~40,000 helper calls: slow on purpose, with little output. */
export const SLOW_TEMPLATE = `Judul {{unit.name}}\n${'{{#each @root}}{{#each @root}}{{#if (eq (kalimat @root.complaint.resolution) "")}}x{{/if}}{{/each}}{{/each}}'.repeat(150)}`;
const EACH_ROOT_6 = `Judul\n${'{{#each @root}}'.repeat(6)}{{@key}}${'{{/each}}'.repeat(6)}`;
const IF_1100 = `Judul\n\n${'{{#if x}}'.repeat(1100)}x${'{{/if}}'.repeat(1100)}`;

describe('template overrides cannot freeze the instance', () => {
  let t: TestApp;
  let humas: string;
  let storyId: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { TEMPLATE_RENDER_TIMEOUT_MS: '250' } });
    humas = await t.login('humas.kebayoran');
    const operator = await t.login('operator.kebayoran');
    storyId = (await t.http.post('/api/v1/complaints').set(bearer(operator)).send(complaint('TPL-1')).expect(201)).body.storyId;
  });
  afterAll(() => t?.close());
  afterEach(() => t.dataSource.query(`DELETE FROM template_override`));

  const preview = (body: string) => t.http.post('/api/v1/templates/preview').set(bearer(humas)).send({ kind: 'complaint', channel: 'website', body, storyId });
  const save = (body: string) => t.http.put('/api/v1/templates/complaint/website').set(bearer(humas)).send({ body, unitCode: 'POLSEK-KEBAYORAN-BARU' });

  it('refuses six nested {{#each @root}} at parse, with the line, at once', async () => {
    const started = Date.now();
    for (const response of [await preview(EACH_ROOT_6), await save(EACH_ROOT_6)]) {
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code: 'template_invalid', line: 2 });
      expect(response.body.detail).toMatch(/each/);
    }
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM template_override`))[0].n).toBe(0);
  });

  it('refuses 1,100 nested {{#if}} at parse, with the line', async () => {
    const started = Date.now();
    for (const response of [await preview(IF_1100), await save(IF_1100)]) {
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code: 'template_invalid', line: 3 });
      expect(response.body.detail).toMatch(/nested more than 8/);
    }
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('stops a slow render at the time limit (422 naming the line) while /health answers in under 100 ms', async () => {
    await expectHealthyDuring(t.http, async () => {
      const answers = await Promise.all([preview(SLOW_TEMPLATE), save(SLOW_TEMPLATE), preview(SLOW_TEMPLATE)]);
      for (const answer of answers) {
        expect(answer.status).toBe(422);
        expect(answer.body).toMatchObject({ code: 'template_too_slow', line: 2 });
      }
    });
    // the stopped worker is replaced: an ordinary override previews and saves as before
    const fine = await preview('Judul {{unit.name}}\n\n{{unit.name}} {{url}}');
    expect(fine.status).toBe(200);
    expect(fine.body.drafts[0].title).toBe('Judul Polsek Kebayoran Baru');
  });

  it('drafts an intake with the shipped templates when its unit override overruns, without blocking', async () => {
    // saved before the limits existed (or slow only on real data): the save check cannot have caught it
    await t.dataSource.query(
      `INSERT INTO template_override (key, unit_id, body, version, author_id) SELECT 'complaint/website', id, $1, 1, NULL FROM unit WHERE code = 'POLSEK-KEBAYORAN-BARU'`, [SLOW_TEMPLATE]);
    const operator = await t.login('operator.kebayoran');
    let created: { storyId: string } | undefined;
    // judged against an ordinary intake of the same unit's kind without an override (an intake
    // costs its own work on the event loop); the attack blocked every intake of the unit for 6 s
    const admin = await t.login('admin');
    const ordinary = () => t.http.post('/api/v1/complaints').set(bearer(admin)).send({ ...complaint(`TPL-O-${Date.now()}-${Math.random()}`), unitCode: 'POLSEK-CILANDAK' }).expect(201);
    await expectHealthyDuring(t.http, async (attempt) => {
      created = (await t.http.post('/api/v1/complaints').set(bearer(operator)).send(complaint(`TPL-2-${attempt}`)).expect(201)).body;
    }, 3, ordinary);
    const story = await t.http.get(`/api/v1/stories/${created!.storyId}`).set(bearer(humas)).expect(200);
    const website = story.body.drafts.find((d: { channel: string }) => d.channel === 'website');
    expect(website.templateVersion).toBe(0);
    expect(website.body.length).toBeGreaterThan(100);
  });

  it('drafts with a unit override in the worker thread', async () => {
    await save('Kabar {{unit.name}}\n\n{{unit.name}} menangani laporan warga. {{url}}').expect(200);
    const operator = await t.login('operator.kebayoran');
    const { body } = await t.http.post('/api/v1/complaints').set(bearer(operator)).send(complaint('TPL-3')).expect(201);
    const story = await t.http.get(`/api/v1/stories/${body.storyId}`).set(bearer(humas)).expect(200);
    const website = story.body.drafts.find((d: { channel: string }) => d.channel === 'website');
    expect(website).toMatchObject({ title: 'Kabar Polsek Kebayoran Baru', templateVersion: 1 });
  });

  it.each([
    ['log forging', 'Judul\n{{log "{\\"level\\":50,\\"msg\\":\\"forged\\"}" level="error"}}'],
    ['log dump of @root', 'Judul\n{{log @root}}'],
    ['lookup', 'Judul\n{{lookup unit "name"}}'],
    ['with', 'Judul\n{{#with unit}}{{name}}{{/with}}'],
    ['an inline partial', 'Judul\n{{#*inline "x"}}y{{/inline}}'],
  ])('refuses the built-in helper or decorator templates do not need: %s', async (_name, body) => {
    for (const response of [await preview(body), await save(body)]) {
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code: 'template_invalid', line: 2 });
    }
  });
});
