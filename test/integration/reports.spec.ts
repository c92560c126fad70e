import { FixedClock } from '../../src/common/clock';
import {
  EXPECTED_JAKSEL_NOVEMBER as E, EXPECTED_KEBAYORAN_NOVEMBER, NOW, PAPUA_STORIES, STORIES,
} from '../data/reports/november-2026';
import { insertStories, type SeedIds, seedNovember } from '../data/reports/seed';
import { bearer, createTestApp, type TestApp } from '../support/test-app';

/** GET /api/v1/reports/summary against the hand-computed data set of test/data/reports/november-2026.ts. */
describe('report summary', () => {
  const clock = new FixedClock(new Date(NOW));
  let t: TestApp;
  let ids: SeedIds;
  const tokens: Record<string, string> = {};
  const summary = (user: string, query: string) => t.http.get(`/api/v1/reports/summary?${query}`).set(bearer(tokens[user]));
  const november = 'from=2026-11-01&to=2026-11-30';

  beforeAll(async () => {
    t = await createTestApp({ clock });
    ids = await seedNovember(t.dataSource);
    await insertStories(t.dataSource, PAPUA_STORIES, ids);
    for (const user of ['admin', 'humas.jaksel', 'humas.kebayoran', 'kapolsek.kebayoran', 'operator.kebayoran', 'humas.jaktim', 'humas.papua']) {
      tokens[user] = await t.login(user);
    }
  });
  afterAll(() => t.close());

  it('answers every figure of a Polres subtree for November as computed by hand', async () => {
    const { body } = await summary('humas.jaksel', `${november}&unitCode=POLRES-JAKSEL`).expect(200);
    expect(body.unit).toEqual({ code: 'POLRES-JAKSEL', name: 'Polres Metro Jakarta Selatan', timezone: 'Asia/Jakarta' });
    expect(body.period).toEqual({
      from: '2026-11-01', to: '2026-11-30', start: '2026-10-31T17:00:00.000Z', end: '2026-11-30T17:00:00.000Z', timezone: 'Asia/Jakarta',
    });
    expect(body.stories).toEqual(E.stories);
    expect(body.publications.total).toBe(E.publications.total);
    expect(body.publications.byOutcome).toEqual(E.publications.byOutcome);
    expect(body.publications.byChannel.map((c: { channel: string; total: number; byOutcome: Record<string, number> }) => ({
      channel: c.channel, total: c.total, ...Object.fromEntries(Object.entries(c.byOutcome).filter(([, n]) => n > 0)),
    }))).toEqual(E.publications.byChannel);
    expect(body.pickups).toEqual({
      total: E.pickups.total,
      certain: E.pickups.certain,
      byPartner: E.pickups.byPartner.map(({ partner, ...rest }) => ({ partnerId: ids[partner], ...rest })),
    });
    expect(body.partnerFeedPulls).toEqual(E.partnerFeedPulls.map(({ partner, ...rest }) => ({ partnerId: ids[partner], ...rest })));
    expect(body.resolutionToPublication).toEqual(E.resolutionToPublication);
    expect(body.timeInReview).toEqual(E.timeInReview);
    expect(body.overdueReviews).toEqual(E.overdueReviews);
    expect(body.topStories).toEqual(E.topStories.map(({ story, pickups }) => {
      const seed = STORIES.find((s) => s.key === story)!;
      return { id: ids[story], title: seed.title, slug: expect.stringMatching(new RegExp(`^laporan-${story.toLowerCase()}-`)), pickups };
    }));
  });

  it('a Polsek report holds only that Polsek; the parent Polda sees the same stories plus nothing of other Poldas', async () => {
    const { body: polsek } = await summary('humas.kebayoran', november).expect(200); // default: the caller's unit
    expect(polsek.unit.code).toBe('POLSEK-KEBAYORAN-BARU');
    expect(polsek.stories.total).toBe(EXPECTED_KEBAYORAN_NOVEMBER.stories);
    expect(polsek.pickups.total).toBe(EXPECTED_KEBAYORAN_NOVEMBER.pickups);
    expect(polsek.overdueReviews.inPeriod).toBe(EXPECTED_KEBAYORAN_NOVEMBER.overdueInPeriod);

    // JAKTIM's own report holds its story S9 and nothing of JAKSEL
    const { body: jaktim } = await summary('humas.jaktim', november).expect(200);
    expect(jaktim.stories.total).toBe(1);
    expect(jaktim.topStories.map((s: { id: string }) => s.id)).toEqual([ids.S9]);

    // the Polda above both: JAKSEL's 9 + JAKTIM's 1; the Polda's own partner now counts its pulls
    const { body: polda } = await summary('admin', `${november}&unitCode=POLDA-METRO`).expect(200);
    expect(polda.stories.total).toBe(10);
    expect(polda.partnerFeedPulls.map((p: { name: string }) => p.name).sort()).toEqual(['Jaktim Pos', 'Kompas Jaksel', 'Radio Metro', 'Warta <Kota>']);
  });

  it('checks scope and roles: out of scope 403, commander may read, operator may not', async () => {
    await summary('humas.kebayoran', `${november}&unitCode=POLRES-JAKSEL`).expect(403);
    await summary('humas.jaktim', `${november}&unitCode=POLSEK-CILANDAK`).expect(403);
    const commander = await summary('kapolsek.kebayoran', november).expect(200);
    expect(commander.body.stories.total).toBe(EXPECTED_KEBAYORAN_NOVEMBER.stories);
    const operator = await summary('operator.kebayoran', november).expect(403);
    expect(operator.headers['content-type']).toMatch(/^application\/problem\+json/);
    await summary('humas.jaksel', `${november}&unitCode=POLSEK-NOWHERE`).expect(404);
    await t.http.get(`/api/v1/reports/summary?${november}`).expect(401);
  });

  it('counts calendar days in the unit\'s own zone (WIT: November starts at 2026-10-31T15:00Z)', async () => {
    const { body } = await summary('humas.papua', `${november}`).expect(200);
    expect(body.unit).toEqual({ code: 'POLDA-PAPUA', name: 'Polda Papua', timezone: 'Asia/Jayapura' });
    expect(body.period.start).toBe('2026-10-31T15:00:00.000Z');
    expect(body.period.end).toBe('2026-11-30T15:00:00.000Z');
    expect(body.stories.total).toBe(1); // W1 only (see PAPUA_STORIES)
    // the same instants in a WIB unit's report would fall elsewhere: W3 (2026-11-30T15:30Z) is November in WIB
    const { body: oneDay } = await summary('humas.papua', 'from=2026-12-01&to=2026-12-01').expect(200);
    expect(oneDay.stories.total).toBe(1); // W3 is 1 December 00:30 WIT
  });

  it('defaults to the 30 days ending today in the unit\'s zone', async () => {
    const { body } = await summary('humas.jaksel', '').expect(200);
    // now = 2026-12-10T00:00Z = 07:00 WIB on 10 December
    expect(body.period).toMatchObject({ from: '2026-11-11', to: '2026-12-10', start: '2026-11-10T17:00:00.000Z', end: '2026-12-10T17:00:00.000Z' });
  });

  it('refuses bad values with 400 problem+json naming the field', async () => {
    const problem = async (query: string, field: string, user = 'humas.jaksel') => {
      const response = await summary(user, query).expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await problem('from=2026-02-30&to=2026-03-01', 'from');
    await problem('from=yesterday', 'from');
    await problem('from=2026-11-01&to=2026-13-01', 'to');
    await problem('from=2026-11-30&to=2026-11-01', 'to');
    await problem('from=2025-01-01&to=2026-01-02', 'to'); // 367 days
    await problem('unitCode=kecil', 'unitCode');
    await problem('month=2026-11', 'month'); // unknown parameters are refused too
    await problem(november, 'unitCode', 'admin'); // an admin has no unit of its own
    await summary('humas.jaksel', 'from=2025-01-01&to=2026-01-01').expect(200); // 366 days is allowed
  });

  it('is documented in OpenAPI with its definitions', async () => {
    const { body } = await t.http.get('/docs-json').expect(200);
    const operation = body.paths['/api/v1/reports/summary'].get;
    expect(operation.description).toMatch(/percentile_cont/);
    expect(operation.description).toMatch(/review_sla_hours/);
    expect(body.paths['/api/v1/reports/stories.csv']).toBeDefined();
    expect(body.paths['/api/v1/reports/monthly']).toBeDefined();
  });
});
