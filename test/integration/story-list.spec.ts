import { FixedClock } from '../../src/common/clock';
import { StoriesService } from '../../src/stories/stories.service';
import { bearer, createTestApp, type TestApp } from '../support/test-app';

let seq = 0;
const complaint = (unitCode: string, subdistrict: string, summary: string) => ({
  externalRef: `LIST-${++seq}`, unitCode, category: 'kemacetan', channel: 'call_center_110',
  receivedAt: '2026-11-10T00:45:00Z', resolvedAt: '2026-11-10T01:30:00Z',
  location: { subdistrict, district: 'Setiabudi', city: 'Jakarta Selatan' },
  summary, resolution: 'Petugas menertibkan lokasi dan mengatur arus.',
  stages: [{ at: '2026-11-10T00:58:00Z', label: 'Petugas tiba' }], complainant: { name: 'Budi' }, consent: { level: 'none', quote: false },
});

interface Listed { id: string; status: string; overdue: boolean; createdAt: string }

/** Story list filters and text search (story.search, kept by database triggers). */
describe('story list', () => {
  const clock = new FixedClock(new Date('2026-11-20T02:00:00Z'));
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const list = async (user: string, query: string) => (await t.http.get(`/api/v1/stories?${query}`).set(bearer(tokens[user])).expect(200)).body;
  const found = async (user: string, query: string) => ((await list(user, query)).items as Listed[]).map((s) => s.id).sort();

  beforeAll(async () => {
    t = await createTestApp({ clock });
    for (const user of ['admin', 'humas.jaksel', 'humas.makassar', 'operator.kebayoran', 'humas.kebayoran']) tokens[user] = await t.login(user);
    const create = async (user: string, body: object) => (await t.http.post('/api/v1/complaints').set(bearer(tokens[user])).send(body).expect(201)).body.storyId as string;
    ids.kite = await create('humas.jaksel', complaint('POLSEK-KEBAYORAN-BARU', 'Gunung', 'Layang-layang tersangkut kabel listrik di Jalan Wijaya.'));
    ids.cat = await create('humas.jaksel', complaint('POLSEK-CILANDAK', 'Pondok Labu', 'Seekor kucing terjebak di gorong-gorong Jalan Fatmawati.'));
    ids.other = await create('humas.jaksel', complaint('POLRES-JAKSEL', 'Kuningan Timur', 'Truk mogok di Jalan Rasuna Said.'));
    ids.makassar = await create('humas.makassar', complaint('POLRESTABES-MAKASSAR', 'Mariso', 'Layang-layang tersangkut kabel listrik di Jalan Penghibur.'));
  });
  afterAll(() => t.close());

  it('finds words of the website draft, as prefixes, all words required, within scope only', async () => {
    expect(await found('humas.jaksel', 'q=kabel')).toEqual([ids.kite]);
    expect(await found('humas.jaksel', 'q=LAYANG')).toEqual([ids.kite]);
    expect(await found('humas.jaksel', 'q=kuci')).toEqual([ids.cat]); // prefix of "kucing"
    expect(await found('humas.jaksel', `q=${encodeURIComponent('kucing fatmawati')}`)).toEqual([ids.cat]);
    expect(await found('humas.jaksel', `q=${encodeURIComponent('kucing wijaya')}`)).toEqual([]);
    expect(await found('humas.makassar', 'q=kabel')).toEqual([ids.makassar]);
    expect(await found('admin', 'q=kabel')).toEqual([ids.kite, ids.makassar].sort());
  });

  it('finds words of the story title and of every channel, and forgets words edited away', async () => {
    await t.dataSource.query(`UPDATE story SET title = 'Judul Zebracross Baru' WHERE id = $1`, [ids.other]);
    expect(await found('humas.jaksel', 'q=zebracross')).toEqual([ids.other]);

    const story = (await t.http.get(`/api/v1/stories/${ids.cat}`).set(bearer(tokens['humas.jaksel'])).expect(200)).body;
    const x = story.drafts.find((d: { channel: string }) => d.channel === 'x');
    await t.http.put(`/api/v1/stories/${ids.cat}/drafts/x`).set(bearer(tokens['humas.jaksel'])).send({ body: 'Kucing oranye selamat. #Xylofon', revision: x.revision }).expect(200);
    expect(await found('humas.jaksel', 'q=xylofon')).toEqual([ids.cat]);
    await t.http.put(`/api/v1/stories/${ids.cat}/drafts/x`).set(bearer(tokens['humas.jaksel'])).send({ body: 'Kucing oranye selamat.', revision: x.revision + 1 }).expect(200);
    expect(await found('humas.jaksel', 'q=xylofon')).toEqual([]);
    expect(await found('humas.jaksel', 'q=oranye')).toEqual([ids.cat]);
  });

  it('answers 200 to any input, special characters included', async () => {
    for (const q of ["'", '\\', ':', '&', '|', '!', '(', ')', '*', ':*', '<->', "''", '!!(', 'a & | b', "kabel'", 'kabel:*', '100%_', '"kabel"', '🚓', "\\'\\", '-kabel']) {
      const body = await list('humas.jaksel', `q=${encodeURIComponent(q)}`);
      expect({ q, total: body.total }).toEqual({ q, total: expect.any(Number) });
    }
    // the words inside the noise are still found; punctuation alone finds nothing
    expect(await found('humas.jaksel', `q=${encodeURIComponent("(kabel) & !listrik:* |'")}`)).toEqual([ids.kite]);
    expect((await list('humas.jaksel', `q=${encodeURIComponent('&|!():*')}`)).total).toBe(0);
  });

  it('combines unit subtree, status, kind and search filters', async () => {
    expect(await found('humas.jaksel', 'unitCode=POLRES-JAKSEL')).toEqual([ids.kite, ids.cat, ids.other].sort());
    expect(await found('humas.jaksel', 'unitCode=POLSEK-CILANDAK')).toEqual([ids.cat]);
    expect(await found('humas.jaksel', 'unitCode=POLSEK-KEBAYORAN-BARU&status=draft&kind=complaint&q=kabel')).toEqual([ids.kite]);
    expect(await found('humas.jaksel', 'unitCode=POLSEK-CILANDAK&q=kabel')).toEqual([]);
    expect(await found('humas.jaksel', 'status=approved')).toEqual([]);
    expect(await found('humas.jaksel', 'kind=achievement')).toEqual([]);
    expect(await found('operator.kebayoran', '')).toEqual([ids.kite]);
    await t.http.get('/api/v1/stories?unitCode=POLSEK-CILANDAK').set(bearer(tokens['operator.kebayoran'])).expect(403);
  });

  it('pages newest first with a total that does not depend on the page', async () => {
    const pages = [];
    for (const page of [1, 2, 3, 4]) pages.push(await list('humas.jaksel', `pageSize=1&page=${page}`));
    expect(pages.map((p) => p.total)).toEqual([3, 3, 3, 3]);
    expect(pages.map((p) => p.items.length)).toEqual([1, 1, 1, 0]);
    const listed = pages.flatMap((p) => p.items as Listed[]);
    expect(new Set(listed.map((s) => s.id)).size).toBe(3);
    expect(listed.map((s) => s.id)).toEqual([ids.other, ids.cat, ids.kite]);
    const searched = await list('humas.jaksel', 'pageSize=1&page=1&q=jalan');
    expect({ total: searched.total, items: searched.items.length }).toEqual({ total: 3, items: 1 });
  });

  it('counts exactly up to the cap, then answers the cap as a lower bound', async () => {
    expect(await list('humas.jaksel', 'pageSize=1')).toMatchObject({ total: 3, totalIsLowerBound: false });
    const service = t.app.get(StoriesService);
    const cap = service.countCap;
    service.countCap = 2;
    try {
      // 3 stories in scope, 2 counted: "2+"
      expect(await list('humas.jaksel', 'pageSize=1')).toMatchObject({ total: 2, totalIsLowerBound: true, page: 1, pageSize: 1 });
      expect(await list('humas.jaksel', 'pageSize=1&q=jalan')).toMatchObject({ total: 2, totalIsLowerBound: true });
      // within the cap the count stays exact
      expect(await list('humas.jaksel', 'pageSize=1&unitCode=POLSEK-CILANDAK')).toMatchObject({ total: 1, totalIsLowerBound: false });
      expect(await list('humas.jaksel', 'pageSize=2&unitCode=POLSEK-KEBAYORAN-BARU')).toMatchObject({ total: 1, totalIsLowerBound: false });
      // a page past the cap counts as far as it reaches: page 3 of 1 sees the third story, the last one
      const third = await list('humas.jaksel', 'pageSize=1&page=3');
      expect({ total: third.total, lowerBound: third.totalIsLowerBound, items: third.items.length }).toEqual({ total: 3, lowerBound: false, items: 1 });
      // a page that is not full tells the exact total by itself, whatever the cap
      expect(await list('humas.jaksel', 'pageSize=5')).toMatchObject({ total: 3, totalIsLowerBound: false });
      expect(await list('admin', 'pageSize=1')).toMatchObject({ total: 2, totalIsLowerBound: true });
    } finally {
      service.countCap = cap;
    }
    expect(await list('admin', 'pageSize=1')).toMatchObject({ total: 4, totalIsLowerBound: false });
  });

  it('shows the partner pickups of a story, newest first, with the partner and the item', async () => {
    const get = async (id: string) => (await t.http.get(`/api/v1/stories/${id}`).set(bearer(tokens['humas.jaksel'])).expect(200)).body;
    expect((await get(ids.cat)).pickups).toEqual([]);
    const [{ id: unitId }] = await t.dataSource.query(`SELECT id FROM unit WHERE code = 'POLRES-JAKSEL'`);
    const partner = async (name: string) => (await t.dataSource.query(
      `INSERT INTO partner (unit_id, name, kind, feed_token_hash, feed_token_sealed) VALUES ($1, $2, 'online', $3, 'sealed') RETURNING id`,
      [unitId, name, `hash-${name}`],
    ))[0].id as string;
    const item = async (partnerId: string, guid: string, title: string | null, link: string | null) => (await t.dataSource.query(
      `INSERT INTO partner_item (partner_id, guid, link, title, text_hash) VALUES ($1, $2, $3, $4, 'h') RETURNING id`,
      [partnerId, guid, link, title],
    ))[0].id as string;
    const detik = await partner('Portal Berita Jaksel');
    const radio = await partner('Radio Komunitas Cilandak');
    const early = await item(detik, 'g1', 'Kucing Diselamatkan Polisi', 'https://berita.example/kucing');
    const late = await item(radio, 'g2', null, null);
    const elsewhere = await item(detik, 'g3', 'Layang-layang', 'https://berita.example/layang');
    const pickup = (itemId: string, partnerId: string, storyId: string, score: number, certain: boolean, at: string) => t.dataSource.query(
      `INSERT INTO pickup (partner_item_id, partner_id, story_id, score, certain, detected_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [itemId, partnerId, storyId, score, certain, at],
    );
    await pickup(early, detik, ids.cat, 0.92, true, '2026-11-20T03:00:00Z');
    await pickup(late, radio, ids.cat, 0.61, false, '2026-11-21T08:30:00Z');
    await pickup(elsewhere, detik, ids.kite, 0.75, false, '2026-11-20T05:00:00Z');

    expect((await get(ids.cat)).pickups).toEqual([
      { partnerId: radio, partner: 'Radio Komunitas Cilandak', title: null, link: null, score: 0.61, certain: false, detectedAt: '2026-11-21T08:30:00.000Z' },
      { partnerId: detik, partner: 'Portal Berita Jaksel', title: 'Kucing Diselamatkan Polisi', link: 'https://berita.example/kucing', score: 0.92, certain: true, detectedAt: '2026-11-20T03:00:00.000Z' },
    ]);
    expect((await get(ids.kite)).pickups.map((p: { title: string }) => p.title)).toEqual(['Layang-layang']);
  });

  it('lists overdue reviews only once past the unit\'s limit', async () => {
    await t.http.post(`/api/v1/stories/${ids.kite}/submit`).set(bearer(tokens['humas.kebayoran'])).send({}).expect(200);
    expect(await found('humas.jaksel', 'overdue=true')).toEqual([]);
    expect(await found('humas.jaksel', 'status=in_review')).toEqual([ids.kite]);
    clock.advance(25 * 3_600_000);
    try {
      for (const user of ['humas.jaksel', 'humas.makassar']) tokens[user] = await t.login(user); // the earlier sessions expired meanwhile
      const overdue = await list('humas.jaksel', 'overdue=true&q=kabel');
      expect(overdue.total).toBe(1);
      expect(overdue.items[0]).toMatchObject({ id: ids.kite, overdue: true, status: 'in_review' });
      expect(await found('humas.jaksel', 'overdue=true&unitCode=POLSEK-CILANDAK')).toEqual([]);
      expect(await found('humas.makassar', 'overdue=true')).toEqual([]);
    } finally {
      clock.set(new Date('2026-11-20T02:00:00Z'));
    }
  });
});
