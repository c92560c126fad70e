import { FixedClock } from '../../src/common/clock';
import { storySlug } from '../../src/stories/slug';
import { bearer, createTestApp, type TestApp } from '../support/test-app';

/** Issue 18: headline, title and slug in step; variants away from the unit's recent stories; who led. */
interface Draft { channel: string; title: string | null; body: string; revision: number; edited: boolean }

describe('draft quality (issue 18)', () => {
  let t: TestApp;
  let humas: string;

  const complaint = (ref: string, subdistrict = 'Gunung') => ({
    externalRef: ref, unitCode: 'POLSEK-KEBAYORAN-BARU', category: 'curanmor', channel: 'whatsapp',
    receivedAt: '2026-10-25T01:12:00Z', resolvedAt: '2026-10-25T09:40:00Z',
    location: { subdistrict, district: 'Kebayoran Baru', city: 'Jakarta Selatan' },
    summary: 'Warga melaporkan sepeda motor miliknya hilang di parkiran minimarket.',
    resolution: 'Unit Reskrim mengamankan terduga pelaku dan mengembalikan sepeda motor kepada pemiliknya.',
    stages: [{ at: '2026-10-25T01:35:00Z', label: 'Piket Reskrim tiba di lokasi' }],
    complainant: { name: 'Andreas Wibowo' }, consent: { level: 'initials', quote: false },
  });

  beforeAll(async () => {
    t = await createTestApp({ clock: new FixedClock(new Date('2026-11-20T00:00:00Z')) });
    humas = await t.login('humas.jaksel');
  });
  afterAll(() => t.close());

  const storyOf = async (id: string) => (await t.http.get(`/api/v1/stories/${id}`).set(bearer(humas)).expect(200)).body;
  const draftsOf = async (id: string): Promise<Draft[]> => (await storyOf(id)).drafts;

  it('gives a new story the release headline as its title and slug, and links the posts to that slug', async () => {
    const { body } = await t.http.post('/api/v1/complaints').set(bearer(humas)).send(complaint('Q-1')).expect(201);
    const story = await storyOf(body.storyId);
    const website = story.drafts.find((d: Draft) => d.channel === 'website');
    expect(story.title).toBe(website.title);
    expect(story.slug).toBe(storySlug(website.title, body.storyId));
    for (const d of story.drafts as Draft[]) if (['x', 'facebook', 'whatsapp', 'telegram'].includes(d.channel)) expect(d.body).toContain(`/rilis/${story.slug}`);
  });

  it('keeps title and slug in step with an edited headline, and carries it to the channels that show it when asked', async () => {
    const { body } = await t.http.post('/api/v1/complaints').set(bearer(humas)).send(complaint('Q-2', 'Senayan')).expect(201);
    const before = await draftsOf(body.storyId);
    const website = before.find((d) => d.channel === 'website')!;
    // a person rewrote the Facebook headline: it is left alone
    const facebook = before.find((d) => d.channel === 'facebook')!;
    await t.http.put(`/api/v1/stories/${body.storyId}/drafts/facebook`).set(bearer(humas))
      .send({ body: facebook.body.replace(/^[^\n]+/, 'Judul Facebook Buatan Petugas'), revision: facebook.revision }).expect(200);
    const title = 'Polsek Kebayoran Baru Kembalikan Motor Warga Senayan';
    const edited = await t.http.put(`/api/v1/stories/${body.storyId}/drafts/website`).set(bearer(humas))
      .send({ title, body: website.body, revision: website.revision, carryHeadline: true }).expect(200);
    expect(edited.body.carriedTo).toEqual(['telegram', 'whatsapp']);
    const story = await storyOf(body.storyId);
    expect(story.title).toBe(title);
    expect(story.slug).toBe(storySlug(title, body.storyId));
    const after = story.drafts as Draft[];
    expect(after.find((d) => d.channel === 'whatsapp')!.body.split('\n')[0]).toBe(`*${title}*`);
    expect(after.find((d) => d.channel === 'telegram')!.body.split('\n')[0]).toBe(title);
    expect(after.find((d) => d.channel === 'facebook')!.body.split('\n')[0]).toBe('Judul Facebook Buatan Petugas');
    // every link follows the new slug, as a new revision
    for (const d of after) if (['x', 'facebook', 'whatsapp', 'telegram'].includes(d.channel)) expect(d.body).toContain(`/rilis/${story.slug}`);
    const x = after.find((d) => d.channel === 'x')!;
    expect(x.revision).toBe(before.find((d) => d.channel === 'x')!.revision + 1);
    const history = await t.http.get(`/api/v1/stories/${body.storyId}/drafts/whatsapp/revisions`).set(bearer(humas)).expect(200);
    expect(history.body.items[0].body.split('\n')[0]).toBe(`*${title}*`);
  });

  it('without carryHeadline, only the title and slug follow the new headline', async () => {
    const { body } = await t.http.post('/api/v1/complaints').set(bearer(humas)).send(complaint('Q-3', 'Melawai')).expect(201);
    const website = (await draftsOf(body.storyId)).find((d) => d.channel === 'website')!;
    const whatsapp = (await draftsOf(body.storyId)).find((d) => d.channel === 'whatsapp')!;
    await t.http.put(`/api/v1/stories/${body.storyId}/drafts/website`).set(bearer(humas))
      .send({ title: 'Judul Baru Rilis', body: website.body, revision: website.revision }).expect(200);
    const story = await storyOf(body.storyId);
    expect(story.title).toBe('Judul Baru Rilis');
    expect(story.drafts.find((d: Draft) => d.channel === 'whatsapp').body.split('\n')[0]).toBe(whatsapp.body.split('\n')[0]);
  });

  it('chooses other variants than the unit\'s last stories of the same kind and category', async () => {
    const titles = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const { body } = await t.http.post('/api/v1/complaints').set(bearer(humas)).send(complaint(`Q-V${i}`, 'Rawa Barat')).expect(201);
      titles.add((await storyOf(body.storyId)).title);
    }
    expect(titles.size).toBe(4);
    const [row] = await t.dataSource.query(`SELECT variant_choices FROM story ORDER BY created_at DESC LIMIT 1`);
    expect(Object.keys(row.variant_choices)).toContain('complaint-headline-curanmor');
  });

  it('keeps a story\'s variants when it is regenerated', async () => {
    const { body } = await t.http.post('/api/v1/complaints').set(bearer(humas)).send(complaint('Q-R', 'Pulo')).expect(201);
    const before = await draftsOf(body.storyId);
    // another story of the unit in between must not move this one's wording
    await t.http.post('/api/v1/complaints').set(bearer(humas)).send(complaint('Q-R2', 'Pulo')).expect(201);
    await t.http.post(`/api/v1/stories/${body.storyId}/regenerate`).set(bearer(humas)).send({}).expect(200);
    const after = await draftsOf(body.storyId);
    expect(after.map((d) => d.body)).toEqual(before.map((d) => d.body));
  });

  it('names as leader only the officer the commander marked, superiors first; two leaders are refused', async () => {
    const commander = await t.login('kapolsek.kebayoran');
    const achievement = {
      unitCode: 'POLSEK-KEBAYORAN-BARU', title: 'JUMAT CURHAT BERSAMA WARGA GUNUNG', activityType: 'sosialisasi', happenedAt: '2026-11-13T02:00:00Z',
      location: { place: 'Masjid Al Falah', city: 'Jakarta Selatan' },
      participants: [
        { rank: 'Aiptu', name: 'Sarmin', position: 'Bhabinkamtibmas Gunung' },
        { rank: 'Kompol', name: 'Hendro Saputra', position: 'Kapolsek Kebayoran Baru', led: true },
        { rank: 'Kombes Pol', name: 'Bambang Wijaya', position: 'Kapolres Metro Jakarta Selatan' },
      ],
      narrative: 'Warga menyampaikan keluhan soal parkir liar dan penerangan jalan.',
    };
    const { body } = await t.http.post('/api/v1/achievements').set(bearer(commander)).send(achievement).expect(201);
    const release = (await draftsOf(body.storyId)).find((d) => d.channel === 'website')!;
    expect(release.title).toBe('Jumat Curhat Bersama Warga Gunung');
    expect(release.body).toContain('dihadiri Kapolres Metro Jakarta Selatan Kombes Pol Bambang Wijaya dan dipimpin langsung oleh Kapolsek Kebayoran Baru Kompol Hendro Saputra');
    expect(release.body).toContain('diikuti oleh Bhabinkamtibmas Gunung Aiptu Sarmin');
    expect(release.body).not.toMatch(/Kapolres[^.]*ikut/);
    const two = { ...achievement, participants: achievement.participants.map((p) => ({ ...p, led: true })) };
    const refused = await t.http.post('/api/v1/achievements').set(bearer(commander)).send(two).expect(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['participants']);
  });
});
