import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CreateAchievementDto } from '../../src/intake/dto/achievement.dto';
import { CreateComplaintDto } from '../../src/intake/dto/complaint.dto';
import { CreateFeedbackDto } from '../../src/intake/dto/feedback.dto';
import { demoItems } from '../../src/seed/demo-content';
import { FirstStartService } from '../../src/seed/first-start.service';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Demo stories: created on a first start only when asked (main.ts), through the real services,
 * so that the press room and the feeds have something to show.
 */
describe('demo content', () => {
  let base: TestApp;
  let t: TestApp;
  let seconds: number;
  let report: Awaited<ReturnType<FirstStartService['run']>>;

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaung-demo-'));

  beforeAll(async () => {
    // an empty database (admin only), then a second instance on it doing the first start as main.ts does
    base = await createTestApp({ env: { DEMO: '0', DISPATCH_INTERVAL_MS: '0', DATA_DIR: dataDir } });
    t = await createTestApp({ shareDatabaseOf: base, env: { DEMO: '1', DISPATCH_INTERVAL_MS: '0', DATA_DIR: dataDir } });
    const started = performance.now();
    report = await t.app.get(FirstStartService).run({ demoContent: true });
    seconds = (performance.now() - started) / 1000;
  });
  afterAll(async () => {
    await t?.close();
    await base?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes every demo item as valid intake input, with no real contact data', async () => {
    const classes = { complaint: CreateComplaintDto, feedback: CreateFeedbackDto, achievement: CreateAchievementDto } as const;
    for (const item of demoItems(new Date('2026-11-23T12:00:00Z'))) {
      const errors = await validate(plainToInstance(classes[item.kind] as new () => object, item.dto), { whitelist: true, forbidNonWhitelisted: true });
      expect(errors.map((e) => `${item.kind} ${e.property}`)).toEqual([]);
      expect(JSON.stringify(item.dto)).not.toMatch(/"(phone|email|nik)"/);
    }
  });

  it('seeds the organisation and a dozen stories in every state through the real workflow', async () => {
    process.stdout.write(`demo content seeded in ${seconds.toFixed(2)} s\n`);
    expect(report.demoUsers?.length).toBeGreaterThan(0);
    expect(report.demoContent).toEqual({ stories: 12, byState: { published: 7, in_review: 2, draft: 2, scheduled: 1 } });
    const rows: { status: string; n: number }[] = await t.dataSource.query(`SELECT status, count(*)::int AS n FROM story GROUP BY status ORDER BY status`);
    expect(Object.fromEntries(rows.map((r) => [r.status, r.n]))).toEqual({ approved: 1, draft: 2, in_review: 2, published: 7 });
    // the approved one waits for tomorrow morning's website publication
    const [scheduled] = await t.dataSource.query(
      `SELECT p.channel, p.status, p.due_at FROM publication p JOIN story s ON s.id = p.story_id WHERE s.status = 'approved'`);
    expect(scheduled).toMatchObject({ channel: 'website', status: 'scheduled' });
    expect(new Date(scheduled.due_at).getTime()).toBeGreaterThan(Date.now());
    // every step went through the services: the audit trail has them (two approvals for the two_step Polres)
    const actions: { action: string; n: number }[] = await t.dataSource.query(
      `SELECT action, count(*)::int AS n FROM audit_event WHERE action IN ('story.create', 'story.submit', 'story.approve', 'story.publish') GROUP BY action`);
    expect(Object.fromEntries(actions.map((a) => [a.action, a.n]))).toEqual({ 'story.create': 12, 'story.submit': 10, 'story.approve': 9, 'story.publish': 7 });
    // across the three Polda, and the three kinds
    const spread = await t.dataSource.query(
      `SELECT count(DISTINCT u.path[1])::int AS poldas, count(DISTINCT s.kind)::int AS kinds, count(DISTINCT s.category)::int AS categories
         FROM story s JOIN unit u ON u.id = s.unit_id WHERE s.status = 'published'`);
    expect(spread[0]).toEqual({ poldas: 3, kinds: 3, categories: 7 });
    // drafts are clean: nothing blocks approval of what is in review
    const [{ errors }] = await t.dataSource.query(
      `SELECT count(*)::int AS errors FROM draft d, jsonb_array_elements(d.lint) f WHERE f->>'severity' = 'error'`);
    expect(errors).toBe(0);
  });

  it('shows the published demo releases in the press room, without any citizen name', async () => {
    const list = await t.http.get('/rilis').expect(200);
    const slugs = [...list.text.matchAll(/<h2 class="card-title"><a href="\/rilis\/([^"]+)">/g)].map((m) => m[1]);
    expect(slugs).toHaveLength(7);
    // three releases carry a quote card of the citizen's consented words, served publicly
    const thumbs = [...list.text.matchAll(/<img class="thumb" src="(\/media\/[0-9a-f-]+\/thumb\.jpg)" alt="([^"]+)"/g)];
    expect(thumbs).toHaveLength(3);
    for (const [, src] of thumbs) await t.http.get(src).expect(200).expect('Content-Type', 'image/jpeg');
    const [{ cards }] = await t.dataSource.query(`SELECT count(*)::int AS cards FROM media WHERE kind = 'quote_card'`);
    expect(cards).toBe(3);
    const names = demoItems(new Date()).flatMap((item) => ('complainant' in item.dto ? [item.dto.complainant.name] : 'author' in item.dto ? [item.dto.author.name] : []));
    for (const slug of slugs) {
      const page = await t.http.get(`/rilis/${slug}`).expect(200);
      for (const name of names) expect(page.text).not.toContain(name);
    }
    // the kind-wide categories: citizens' appreciation, units' achievements
    const count = async (query: string) => [...(await t.http.get(`/rilis?${query}`).expect(200)).text.matchAll(/class="card-title"/g)].length;
    expect([await count('kategori=apresiasi'), await count('kategori=prestasi'), await count('kategori=curanmor')]).toEqual([2, 2, 1]);
    for (const polda of ['POLDA-METRO', 'POLDA-SULSEL', 'POLDA-PAPUA']) {
      const filtered = await t.http.get(`/rilis?unit=${polda}`).expect(200);
      expect(filtered.text).toContain('class="card-title"');
    }
  });

  it('never seeds twice, and test apps (no option) get no demo stories', async () => {
    const again = await t.app.get(FirstStartService).run({ demoContent: true });
    expect(again.demoContent).toBeUndefined();
    const [{ stories }] = await t.dataSource.query(`SELECT count(*)::int AS stories FROM story`);
    expect(stories).toBe(12);
    const plain = await createTestApp({ env: { DISPATCH_INTERVAL_MS: '0', DATA_DIR: dataDir } });
    try {
      const [{ n }] = await plain.dataSource.query(`SELECT count(*)::int AS n FROM story`);
      const [{ units }] = await plain.dataSource.query(`SELECT count(*)::int AS units FROM unit`);
      expect({ n, units: units > 0 }).toEqual({ n: 0, units: true });
    } finally {
      await plain.close();
    }
  });
});
