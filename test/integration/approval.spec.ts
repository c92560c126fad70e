import { ReviewSlaJob } from '../../src/approval/review-sla.job';
import { FixedClock } from '../../src/common/clock';
import { bearer, createTestApp, type TestApp } from '../support/test-app';

let seq = 0;
const complaint = (unitCode: string, over: Record<string, unknown> = {}) => ({
  externalRef: `APR-${++seq}`, unitCode, category: 'kemacetan', channel: 'call_center_110',
  receivedAt: '2026-11-10T00:45:00Z', resolvedAt: '2026-11-10T01:30:00Z',
  location: { subdistrict: 'Kuningan Timur', district: 'Setiabudi', city: 'Jakarta Selatan' },
  summary: `Kemacetan panjang akibat truk mogok, laporan ${seq}.`, resolution: 'Satlantas menderek truk dan mengatur arus.',
  stages: [{ at: '2026-11-10T00:58:00Z', label: 'Petugas tiba' }], complainant: { name: 'Budi' }, consent: { level: 'none', quote: false },
  ...over,
});

describe('approval workflow', () => {
  const clock = new FixedClock(new Date('2026-11-20T02:00:00Z'));
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (user: string) => bearer(tokens[user]);

  beforeAll(async () => {
    t = await createTestApp({ clock });
    tokens.admin = await t.login('admin');
    await t.http.post('/api/v1/users').set(as('admin')).send({ username: 'humas2.jaktim', displayName: 'Dua', role: 'humas', unitCode: 'POLRES-JAKTIM', password: 'second-humas-pass' }).expect(201);
    await t.http.post('/api/v1/users').set(as('admin')).send({ username: 'humas2.kebayoran', displayName: 'Dua', role: 'humas', unitCode: 'POLSEK-KEBAYORAN-BARU', password: 'second-humas-pass' }).expect(201);
    for (const user of ['humas.kebayoran', 'humas.jaksel', 'humas.metro', 'humas.jaktim', 'operator.kebayoran', 'kapolsek.kebayoran', 'humas.makassar']) tokens[user] = await t.login(user);
    tokens['humas2.jaktim'] = await t.login('humas2.jaktim', 'second-humas-pass');
    tokens['humas2.kebayoran'] = await t.login('humas2.kebayoran', 'second-humas-pass');
  });
  afterAll(() => t.close());

  const newStory = async (user: string, unitCode: string) => {
    const { body } = await t.http.post('/api/v1/complaints').set(as(user)).send(complaint(unitCode)).expect(201);
    return body.storyId as string;
  };
  const act = (user: string, id: string, action: string, body: Record<string, unknown> = {}) => t.http.post(`/api/v1/stories/${id}/${action}`).set(as(user)).send(body);
  const statusOf = async (id: string) => (await t.dataSource.query(`SELECT status FROM story WHERE id = $1`, [id]))[0].status;

  it('runs draft -> in_review -> approved under the self policy, with an audit trail', async () => {
    const id = await newStory('operator.kebayoran', 'POLSEK-KEBAYORAN-BARU');
    await act('humas.kebayoran', id, 'approve').expect(409);
    const submitted = await act('operator.kebayoran', id, 'submit').expect(200);
    expect(submitted.body.status).toBe('in_review');
    const notes = await t.http.get('/api/v1/notifications').set(as('humas.kebayoran')).expect(200);
    expect(notes.body.items[0]).toMatchObject({ kind: 'submitted', storyId: id });
    const approved = await act('humas.kebayoran', id, 'approve').expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvedChannels: expect.arrayContaining(['website', 'x']) });
    const trail = await t.http.get(`/api/v1/stories/${id}/audit`).set(as('humas.kebayoran')).expect(200);
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual(['story.create', 'story.submit', 'story.approve']);
    expect(trail.body.items[2]).toMatchObject({ from: 'in_review', to: 'approved', actorUsername: 'humas.kebayoran' });
  });

  it('answers illegal transitions with 409 and the current state', async () => {
    const id = await newStory('operator.kebayoran', 'POLSEK-KEBAYORAN-BARU');
    const early = await act('humas.kebayoran', id, 'reject', { reason: 'belum diajukan' }).expect(409);
    expect(early.body).toMatchObject({ code: 'illegal_transition', status: 409, state: 'draft' });
    await act('humas.kebayoran', id, 'submit').expect(200);
    await act('humas.kebayoran', id, 'submit').expect(409);
    await act('humas2.kebayoran', id, 'reject', {}).expect(400);
    const rejected = await act('humas2.kebayoran', id, 'reject', { reason: 'Judul kurang tepat' }).expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectedReason: 'Judul kurang tepat' });
    await act('humas2.kebayoran', id, 'approve').expect(409);
    // editing a rejected story brings it back to draft
    const x = rejected.body.drafts.find((d: { channel: string }) => d.channel === 'x');
    await t.http.put(`/api/v1/stories/${id}/drafts/x`).set(as('humas.kebayoran')).send({ body: 'Arus lalu lintas kembali lancar.', revision: x.revision }).expect(200);
    expect(await statusOf(id)).toBe('draft');
    await act('humas.kebayoran', id, 'withdraw', { reason: 'Tidak jadi dirilis' }).expect(200);
    await act('humas.kebayoran', id, 'withdraw', { reason: 'lagi lagi' }).expect(409);
    await act('humas.kebayoran', id, 'submit').expect(409);
  });

  it('keeps four eyes: neither the author nor the last editor approves', async () => {
    const id = await newStory('humas.kebayoran', 'POLSEK-KEBAYORAN-BARU');
    await act('humas.kebayoran', id, 'submit').expect(200);
    const own = await act('humas.kebayoran', id, 'approve').expect(403);
    expect(own.body.code).toBe('four_eyes');
    const story = (await t.http.get(`/api/v1/stories/${id}`).set(as('humas2.kebayoran')).expect(200)).body;
    const website = story.drafts[0];
    await t.http.put(`/api/v1/stories/${id}/drafts/website`).set(as('humas2.kebayoran')).send({ title: website.title, body: `${website.body}\n\nTambahan.`, revision: website.revision }).expect(200);
    expect((await act('humas2.kebayoran', id, 'approve').expect(403)).body.code).toBe('four_eyes');
    await act('humas.jaksel', id, 'approve').expect(200);
  });

  it('enforces the parent policy: the Polsek cannot approve, its Polres can, a sibling cannot even see', async () => {
    const id = await newStory('humas.jaksel', 'POLSEK-CILANDAK'); // Cilandak: policy parent
    await act('humas.jaksel', id, 'submit').expect(200);
    const notes = await t.http.get('/api/v1/notifications?unread=true').set(as('humas.metro')).expect(200);
    expect(notes.body.items.some((n: { storyId: string }) => n.storyId === id)).toBe(true);
    await act('humas.kebayoran', id, 'approve').expect(404); // another Polsek: outside its scope
    await act('humas.jaktim', id, 'approve').expect(404); // sibling Polres
    expect((await act('humas.jaksel', id, 'approve').expect(403)).body.code).toBe('four_eyes');
    await act('humas.metro', id, 'approve').expect(200);
  });

  it('keeps a Polsek officer away from its Polres\'s stories', async () => {
    const id = await newStory('humas.jaksel', 'POLRES-JAKSEL');
    await act('humas.jaksel', id, 'submit').expect(200);
    await act('humas.kebayoran', id, 'approve').expect(404);
    await t.http.get(`/api/v1/stories/${id}`).set(as('humas.kebayoran')).expect(404);
  });

  it('needs the unit\'s own humas and then the parent\'s under two_step', async () => {
    const id = await newStory('humas.jaktim', 'POLRES-JAKTIM'); // Jaktim: policy two_step
    await act('humas.jaktim', id, 'submit').expect(200);
    expect((await act('humas.metro', id, 'approve').expect(403)).body.code).toBe('not_your_approval');
    const first = await act('humas2.jaktim', id, 'approve').expect(200);
    expect(first.body.status).toBe('in_review');
    expect((await act('humas2.jaktim', id, 'approve').expect(403)).body.code).toBe('not_your_approval');
    const second = await act('humas.metro', id, 'approve').expect(200);
    expect(second.body.status).toBe('approved');
    expect(second.body.approvals.map((a: { step: number; approver: string }) => [a.step, a.approver])).toEqual([[1, 'humas2.jaktim'], [2, 'humas.metro']]);
  });

  it('lets commanders and operators act only as the rules allow', async () => {
    const id = await newStory('operator.kebayoran', 'POLSEK-KEBAYORAN-BARU');
    await act('kapolsek.kebayoran', id, 'submit').expect(403);
    await act('operator.kebayoran', id, 'submit').expect(200);
    await act('operator.kebayoran', id, 'approve').expect(403);
    await act('kapolsek.kebayoran', id, 'approve').expect(403);
    await act('kapolsek.kebayoran', id, 'withdraw', { reason: 'tidak boleh' }).expect(403);
    await act('admin', id, 'approve').expect(200);
  });

  it('produces one approval from 10 parallel approvals of one story', async () => {
    const id = await newStory('operator.kebayoran', 'POLSEK-KEBAYORAN-BARU');
    await act('operator.kebayoran', id, 'submit').expect(200);
    const answers = await Promise.all(Array.from({ length: 10 }, () => act('humas.kebayoran', id, 'approve')));
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    const [{ approvals }] = await t.dataSource.query(`SELECT count(*)::int AS approvals FROM story_approval WHERE story_id = $1`, [id]);
    const [{ events }] = await t.dataSource.query(`SELECT count(*)::int AS events FROM audit_event WHERE subject_id = $1 AND action = 'story.approve'`, [id]);
    expect([approvals, events]).toEqual([1, 1]);
  });

  it('blocks approval on lint errors unless overridden with a reason, which is audited and shown', async () => {
    const id = await newStory('operator.kebayoran', 'POLSEK-KEBAYORAN-BARU');
    const story = (await t.http.get(`/api/v1/stories/${id}`).set(as('humas.kebayoran')).expect(200)).body;
    const x = story.drafts.find((d: { channel: string }) => d.channel === 'x');
    await t.http.put(`/api/v1/stories/${id}/drafts/x`).set(as('humas2.kebayoran')).send({ body: 'Hubungi pelapor di 0812-3456-7890', revision: x.revision }).expect(200);
    await act('humas2.kebayoran', id, 'submit').expect(200);
    const blocked = await act('humas.kebayoran', id, 'approve').expect(422);
    expect(blocked.body).toMatchObject({ code: 'lint_blocking', findings: [{ channel: 'x', code: 'personal_data' }] });
    await act('humas.kebayoran', id, 'approve', { override: true }).expect(400);
    // leaving the channel out also passes; here the officer overrides instead
    const approved = await act('humas.kebayoran', id, 'approve', { override: true, reason: 'Nomor resmi posko, bukan data warga' }).expect(200);
    expect(approved.body.lintOverrideReason).toBe('Nomor resmi posko, bukan data warga');
    const [event] = await t.dataSource.query(`SELECT reason FROM audit_event WHERE subject_id = $1 AND action = 'story.lint_override'`, [id]);
    expect(event.reason).toBe('Nomor resmi posko, bukan data warga');
  });

  it('approves with channels left out', async () => {
    const id = await newStory('operator.kebayoran', 'POLSEK-KEBAYORAN-BARU');
    await act('operator.kebayoran', id, 'submit').expect(200);
    await act('humas.kebayoran', id, 'approve', { channels: ['website', 'myspace'] }).expect(400);
    const approved = await act('humas.kebayoran', id, 'approve', { channels: ['website', 'whatsapp'] }).expect(200);
    expect(approved.body.approvedChannels).toEqual(['website', 'whatsapp']);
  });

  it('publishes urgently on one approval, then waits for a second one after the fact', async () => {
    const id = await newStory('operator.kebayoran', 'POLSEK-KEBAYORAN-BARU');
    await act('humas.kebayoran', id, 'approve', { urgent: true }).expect(400);
    const urgent = await act('humas.kebayoran', id, 'approve', { urgent: true, reason: 'Klarifikasi hoaks yang beredar' }).expect(200);
    expect(urgent.body).toMatchObject({ status: 'approved', urgent: true, awaitingConfirmation: true });
    expect((await act('humas.kebayoran', id, 'approve').expect(403)).body.code).toBe('four_eyes');
    const confirmed = await act('humas2.kebayoran', id, 'approve').expect(200);
    expect(confirmed.body).toMatchObject({ status: 'approved', awaitingConfirmation: false });
  });

  it('never lets the author or the last editor approve urgently, and takes the confirmation from a third officer', async () => {
    const authored = await newStory('humas.kebayoran', 'POLSEK-KEBAYORAN-BARU');
    const refused = await act('humas.kebayoran', authored, 'approve', { urgent: true, reason: 'Klarifikasi hoaks yang beredar' }).expect(403);
    expect(refused.body.code).toBe('four_eyes');
    expect(await statusOf(authored)).toBe('draft');

    const edited = await newStory('operator.kebayoran', 'POLSEK-KEBAYORAN-BARU');
    const website = (await t.http.get(`/api/v1/stories/${edited}`).set(as('humas2.kebayoran')).expect(200)).body.drafts.find((d: { channel: string }) => d.channel === 'website');
    await t.http.put(`/api/v1/stories/${edited}/drafts/website`).set(as('humas2.kebayoran')).send({ title: website.title, body: `${website.body}\n\nTambahan.`, revision: website.revision }).expect(200);
    expect((await act('humas2.kebayoran', edited, 'approve', { urgent: true, reason: 'Klarifikasi hoaks yang beredar' }).expect(403)).body.code).toBe('four_eyes');
    await act('humas.kebayoran', edited, 'approve', { urgent: true, reason: 'Klarifikasi hoaks yang beredar' }).expect(200);
    // the last editor and the urgent approver may not confirm; the author is no humas at all
    expect((await act('humas2.kebayoran', edited, 'approve').expect(403)).body.code).toBe('four_eyes');
    expect((await act('humas.kebayoran', edited, 'approve').expect(403)).body.code).toBe('four_eyes');
    const confirmed = await act('humas.jaksel', edited, 'approve').expect(200);
    expect(confirmed.body).toMatchObject({ awaitingConfirmation: false });
  });

  it('keeps comments visible to everyone in scope', async () => {
    const id = await newStory('operator.kebayoran', 'POLSEK-KEBAYORAN-BARU');
    await t.http.post(`/api/v1/stories/${id}/comments`).set(as('kapolsek.kebayoran')).send({ body: 'Mohon tambahkan foto.' }).expect(201);
    await t.http.post(`/api/v1/stories/${id}/comments`).set(as('kapolsek.kebayoran')).send({ body: '' }).expect(400);
    const listed = await t.http.get(`/api/v1/stories/${id}/comments`).set(as('humas.jaksel')).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ body: 'Mohon tambahkan foto.', author: 'kapolsek.kebayoran' })]);
    await t.http.get(`/api/v1/stories/${id}/comments`).set(as('humas.makassar')).expect(404);
  });

  it('escalates overdue reviews once, even with two instances running the job', async () => {
    const id = await newStory('operator.kebayoran', 'POLSEK-KEBAYORAN-BARU');
    await act('operator.kebayoran', id, 'submit').expect(200);
    const other = await createTestApp({ clock, shareDatabaseOf: t });
    try {
      clock.advance(25 * 3_600_000);
      tokens['humas.jaksel'] = await t.login('humas.jaksel'); // the earlier session expired meanwhile
      const overdueList = await t.http.get('/api/v1/stories?overdue=true').set(as('humas.jaksel')).expect(200);
      expect(overdueList.body.items.map((s: { id: string }) => s.id)).toContain(id);
      const results = await Promise.all([t.app.get(ReviewSlaJob).run(), other.app.get(ReviewSlaJob).run(), t.app.get(ReviewSlaJob).run()]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      clock.advance(15 * 60_000);
      const later = await other.app.get(ReviewSlaJob).run();
      expect(later).toEqual({ escalated: 0 });
      const [{ notes }] = await t.dataSource.query(`SELECT count(*)::int AS notes FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.story_id = $1 AND n.kind = 'overdue' AND u.username = 'humas.jaksel'`, [id]);
      expect(notes).toBe(1);
    } finally {
      await other.close();
      clock.set(new Date('2026-11-20T02:00:00Z'));
    }
  });

  it('marks notifications read', async () => {
    const { body } = await t.http.get('/api/v1/notifications').set(as('humas.kebayoran')).expect(200);
    expect(body.unread).toBeGreaterThan(0);
    await t.http.post(`/api/v1/notifications/${body.items[0].id}/read`).set(as('humas.kebayoran')).expect(204);
    await t.http.post(`/api/v1/notifications/${body.items[0].id}/read`).set(as('humas.jaksel')).expect(404);
    await t.http.post('/api/v1/notifications/read-all').set(as('humas.kebayoran')).expect(204);
    expect((await t.http.get('/api/v1/notifications').set(as('humas.kebayoran')).expect(200)).body.unread).toBe(0);
  });
});
