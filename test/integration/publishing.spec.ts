import { createHmac } from 'node:crypto';
import { FixedClock } from '../../src/common/clock';
import { Dispatcher } from '../../src/publishing/dispatcher.service';
import { FakeEndpoint } from '../support/fake-endpoint';
import { bearer, createTestApp, type TestApp } from '../support/test-app';

let seq = 0;
const complaint = () => ({
  externalRef: `PUB-${++seq}`, unitCode: 'POLSEK-KEBAYORAN-BARU', category: 'kemacetan', channel: 'call_center_110',
  receivedAt: '2026-11-10T00:45:00Z', resolvedAt: '2026-11-10T01:30:00Z',
  location: { subdistrict: 'Gunung', district: 'Kebayoran Baru', city: 'Jakarta Selatan' },
  summary: `Kemacetan di persimpangan, laporan ${seq}.`, resolution: 'Petugas mengatur arus hingga lancar.',
  stages: [{ at: '2026-11-10T00:58:00Z', label: 'Petugas tiba' }], complainant: { name: 'Budi' }, consent: { level: 'none', quote: false },
});

describe('publishing', () => {
  const clock = new FixedClock(new Date('2026-11-20T02:00:00Z'));
  const endpoint = new FakeEndpoint();
  let t: TestApp;
  let admin: string;
  let humas: string;
  let operator: string;
  let dispatcher: Dispatcher;
  const SECRET = 'webhook-shared-secret-0123456789';

  beforeAll(async () => {
    const url = await endpoint.start();
    t = await createTestApp({ clock, env: { DISPATCH_INTERVAL_MS: '0', PUBLISH_TIMEOUT_MS: '700', WEBHOOK_CHANNEL_ALLOW_HOSTS: '127.0.0.1' } });
    dispatcher = t.app.get(Dispatcher);
    [admin, humas, operator] = [await t.login('admin'), await t.login('humas.kebayoran'), await t.login('operator.kebayoran')];
    await t.http.put('/api/v1/units/POLSEK-KEBAYORAN-BARU/channels/telegram').set(bearer(admin))
      .send({ mode: 'webhook', handle: '@kebayoran_info', credentials: { url: `${url}/hook`, secret: SECRET } }).expect(200);
  });
  afterAll(async () => {
    await t.close();
    await endpoint.stop();
  });

  /** A story approved for the given channels. */
  const approvedStory = async (channels: string[]) => {
    const { body } = await t.http.post('/api/v1/complaints').set(bearer(operator)).send(complaint()).expect(201);
    await t.http.post(`/api/v1/stories/${body.storyId}/submit`).set(bearer(operator)).expect(200);
    await t.http.post(`/api/v1/stories/${body.storyId}/approve`).set(bearer(humas)).send({ channels }).expect(200);
    return body.storyId as string;
  };
  const publications = async (id: string) =>
    Object.fromEntries((await t.http.get(`/api/v1/stories/${id}`).set(bearer(humas)).expect(200)).body.publications.map((p: { channel: string; status: string }) => [p.channel, p]));

  it('never returns channel credentials', async () => {
    const { body } = await t.http.get('/api/v1/units/POLSEK-KEBAYORAN-BARU/channels').set(bearer(humas)).expect(200);
    expect(body.items).toEqual([expect.objectContaining({ channel: 'telegram', mode: 'webhook', handle: '@kebayoran_info', hasCredentials: true })]);
    expect(JSON.stringify(body)).not.toContain(SECRET);
    const [row] = await t.dataSource.query(`SELECT credentials_sealed FROM channel_account`);
    expect(row.credentials_sealed).not.toContain(SECRET);
    await t.http.put('/api/v1/units/POLSEK-KEBAYORAN-BARU/channels/telegram').set(bearer(humas)).send({ mode: 'manual' }).expect(403);
    await t.http.put('/api/v1/units/POLSEK-KEBAYORAN-BARU/channels/myspace').set(bearer(admin)).send({ mode: 'manual' }).expect(400);
    const unsupported = await t.http.put('/api/v1/units/POLSEK-KEBAYORAN-BARU/channels/whatsapp').set(bearer(admin)).send({ mode: 'api' }).expect(422);
    expect(unsupported.body.code).toBe('channel_mode_unsupported');
    await t.http.put('/api/v1/units/POLSEK-KEBAYORAN-BARU/channels/x').set(bearer(admin)).send({ mode: 'webhook', credentials: { url: 'ftp://x', secret: 'short' } }).expect(400);
    const polluted = await t.http.put('/api/v1/units/POLSEK-KEBAYORAN-BARU/channels/x').set(bearer(admin)).set('Content-Type', 'application/json')
      .send('{"mode": "manual", "credentials": {"__proto__": {"admin": true}}}').expect(400);
    expect(polluted.body.errors[0].field).toBe('credentials.__proto__');
    const [{ accounts }] = await t.dataSource.query(`SELECT count(*)::int AS accounts FROM channel_account`);
    expect(accounts).toBe(1);
  });

  it('publishes the website first, then the other channels; manual posts wait for an officer', async () => {
    const id = await approvedStory(['website', 'telegram', 'whatsapp']);
    const scheduled = await t.http.post(`/api/v1/stories/${id}/schedule`).set(bearer(humas)).send({}).expect(200);
    expect(scheduled.body.scheduled.sort()).toEqual(['telegram', 'website', 'whatsapp']);
    await dispatcher.tick(); // the website goes first: the social posts link to it
    let p = await publications(id);
    expect(p.website.status).toBe('published');
    expect(p.telegram.status).toBe('scheduled');
    await dispatcher.tick();
    p = await publications(id);
    expect(p.telegram).toMatchObject({ status: 'published', externalId: expect.any(String) });
    expect(p.whatsapp.status).toBe('awaiting_manual');
    const story = (await t.http.get(`/api/v1/stories/${id}`).set(bearer(humas)).expect(200)).body;
    expect(story.status).toBe('published');

    const hook = endpoint.received.filter((r) => r.path === '/hook');
    expect(hook).toHaveLength(1);
    const signature = createHmac('sha256', SECRET).update(hook[0].body).digest('hex');
    expect(hook[0].headers['x-gaung-signature']).toBe(`sha256=${signature}`);
    expect(JSON.parse(hook[0].body)).toMatchObject({ storyId: id, channel: 'telegram' });

    await t.http.post(`/api/v1/stories/${id}/publications/whatsapp/confirm`).set(bearer(humas)).send({ url: 'not a url' }).expect(400);
    await t.http.post(`/api/v1/stories/${id}/publications/whatsapp/confirm`).set(bearer(humas)).send({ url: 'https://chat.whatsapp.com/abc' }).expect(200);
    expect((await publications(id)).whatsapp).toMatchObject({ status: 'published', url: 'https://chat.whatsapp.com/abc' });
    await t.http.post(`/api/v1/stories/${id}/publications/whatsapp/confirm`).set(bearer(humas)).send({ url: 'https://chat.whatsapp.com/abc' }).expect(409);
  });

  it('refuses to schedule what was not approved', async () => {
    const id = await approvedStory(['website']);
    const refused = await t.http.post(`/api/v1/stories/${id}/schedule`).set(bearer(humas)).send({ channels: ['x'] }).expect(422);
    expect(refused.body.code).toBe('channel_not_approved');
    const { body } = await t.http.post('/api/v1/complaints').set(bearer(operator)).send(complaint()).expect(201);
    await t.http.post(`/api/v1/stories/${body.storyId}/schedule`).set(bearer(humas)).send({}).expect(409);
  });

  it('fails on a refusal without retrying, retries transient errors later, and marks unknown outcomes unconfirmed', async () => {
    endpoint.respond = () => ({ status: 400, body: { error: 'bad chat' } });
    const refused = await approvedStory(['website', 'telegram']);
    await t.http.post(`/api/v1/stories/${refused}/schedule`).set(bearer(humas)).send({}).expect(200);
    await dispatcher.tick();
    await dispatcher.tick();
    expect((await publications(refused)).telegram).toMatchObject({ status: 'failed', attempts: 1 });
    const notes = await t.http.get('/api/v1/notifications').set(bearer(humas)).expect(200);
    expect(notes.body.items.some((n: { kind: string; storyId: string }) => n.kind === 'publication_failed' && n.storyId === refused)).toBe(true);

    endpoint.respond = () => ({ status: 503, body: {} });
    const transient = await approvedStory(['website', 'telegram']);
    await t.http.post(`/api/v1/stories/${transient}/schedule`).set(bearer(humas)).send({}).expect(200);
    await dispatcher.tick();
    await dispatcher.tick();
    const retrying = (await publications(transient)).telegram;
    expect(retrying.status).toBe('retrying');
    const before = endpoint.received.length;
    await dispatcher.tick(); // not due yet: nothing is sent
    expect(endpoint.received.length).toBe(before);
    clock.advance(10 * 60_000);
    endpoint.respond = () => ({ status: 200, body: { id: 'msg-7' } });
    await dispatcher.tick();
    expect((await publications(transient)).telegram).toMatchObject({ status: 'published', externalId: 'msg-7', attempts: 2 });

    endpoint.respond = () => 'hang';
    const unknown = await approvedStory(['website', 'telegram']);
    await t.http.post(`/api/v1/stories/${unknown}/schedule`).set(bearer(humas)).send({}).expect(200);
    await dispatcher.tick();
    await dispatcher.tick();
    expect((await publications(unknown)).telegram.status).toBe('unconfirmed');
    const sent = endpoint.received.length;
    clock.advance(60 * 60_000);
    await dispatcher.tick();
    expect(endpoint.received.length).toBe(sent); // never re-sent by itself
    endpoint.respond = () => ({ status: 200, body: {} });
    await t.http.post(`/api/v1/stories/${unknown}/publications/telegram/retry`).set(bearer(humas)).expect(200);
    await dispatcher.tick();
    expect((await publications(unknown)).telegram.status).toBe('published');
  });

  it('turns an expired lease (the instance died mid-call) into unconfirmed, never a second send', async () => {
    const id = await approvedStory(['telegram']);
    await t.http.post(`/api/v1/stories/${id}/schedule`).set(bearer(humas)).send({}).expect(200);
    await t.dataSource.query(`UPDATE publication SET status = 'sending', claimed_by = 'dead-instance', lease_until = $2 WHERE story_id = $1`, [id, new Date(clock.now().getTime() - 1000)]);
    const sent = endpoint.received.length;
    await dispatcher.tick();
    expect((await publications(id)).telegram.status).toBe('unconfirmed');
    expect(endpoint.received.length).toBe(sent);
  });

  it('publishes the website again after an expired lease: its transaction died with the instance, and the social posts wait for it', async () => {
    endpoint.respond = () => ({ status: 200, body: {} });
    const id = await approvedStory(['website', 'telegram']);
    await t.http.post(`/api/v1/stories/${id}/schedule`).set(bearer(humas)).send({}).expect(200);
    await t.dataSource.query(`UPDATE publication SET status = 'sending', claimed_by = 'dead-instance', lease_until = $2 WHERE story_id = $1 AND channel = 'website'`, [id, new Date(clock.now().getTime() - 1000)]);
    await dispatcher.tick();
    await dispatcher.tick();
    const p = await publications(id);
    expect([p.website.status, p.telegram.status]).toEqual(['published', 'published']);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'publication.requeued' AND subject_id = $1`, [id]);
    expect(n).toBe(1);
  });

  it('pauses and resumes dispatching, audited', async () => {
    await t.http.post('/api/v1/publishing/pause').set(bearer(humas)).send({ reason: 'Situasi darurat' }).expect(403);
    await t.http.post('/api/v1/publishing/pause').set(bearer(humas)).send({ reason: 'Situasi darurat', unitCode: 'POLSEK-KEBAYORAN-BARU' }).expect(200);
    const id = await approvedStory(['website']);
    await t.http.post(`/api/v1/stories/${id}/schedule`).set(bearer(humas)).send({}).expect(200);
    expect(await dispatcher.tick()).toBe(0);
    expect((await publications(id)).website.status).toBe('scheduled');
    const status = await t.http.get('/api/v1/publishing/status').set(bearer(humas)).expect(200);
    expect(status.body).toMatchObject({ paused: true, items: [{ unitCode: 'POLSEK-KEBAYORAN-BARU', reason: 'Situasi darurat' }] });
    await t.http.post('/api/v1/publishing/resume').set(bearer(humas)).send({ unitCode: 'POLSEK-KEBAYORAN-BARU' }).expect(200);
    expect(await dispatcher.tick()).toBe(1);
    const actions = (await t.dataSource.query(`SELECT action FROM audit_event WHERE action LIKE 'publishing.%' ORDER BY seq`)).map((a: { action: string }) => a.action);
    expect(actions).toEqual(['publishing.pause', 'publishing.resume']);
  });

  it('cancels pending publications when the complaint behind the story is reopened', async () => {
    const { body } = await t.http.post('/api/v1/complaints').set(bearer(operator)).send(complaint()).expect(201);
    await t.http.post(`/api/v1/stories/${body.storyId}/submit`).set(bearer(operator)).expect(200);
    await t.http.post(`/api/v1/stories/${body.storyId}/approve`).set(bearer(humas)).send({ channels: ['website', 'whatsapp'] }).expect(200);
    await t.http.post(`/api/v1/stories/${body.storyId}/schedule`).set(bearer(humas)).send({ at: '2026-12-01T00:00:00Z' }).expect(200);
    await t.http.post(`/api/v1/complaints/${body.id}/reopen`).set(bearer(operator)).send({ reason: 'Pelapor belum menerima barangnya' }).expect(200);
    const p = await publications(body.storyId);
    expect([p.website.status, p.whatsapp.status]).toEqual(['cancelled', 'cancelled']);
    expect((await t.http.get(`/api/v1/stories/${body.storyId}`).set(bearer(humas)).expect(200)).body.status).toBe('withdrawn');
  });

  it('cancels pending publications when the story is withdrawn', async () => {
    const id = await approvedStory(['website', 'whatsapp']);
    await t.http.post(`/api/v1/stories/${id}/schedule`).set(bearer(humas)).send({ at: '2026-12-01T00:00:00Z' }).expect(200);
    await t.http.post(`/api/v1/stories/${id}/withdraw`).set(bearer(humas)).send({ reason: 'Data belum lengkap' }).expect(200);
    const p = await publications(id);
    expect([p.website.status, p.whatsapp.status]).toEqual(['cancelled', 'cancelled']);
  });
});
