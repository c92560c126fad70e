import { execFile } from 'node:child_process';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { signWebhook } from '../../src/intake/webhook/webhook-signature';
import { FeedServer, rss } from '../support/feed-server';
import { complaintFor, FeedStories } from '../support/feed-stories';
import { expectHealthyDuring } from '../support/health-probe';
import { noisyPhoto } from '../support/images';
import { createMediaTestApp } from '../support/media';
import { bearer } from '../support/test-app';
import { recordFigure } from './support/figures';
import { corpus } from './support/hostile-bodies';

/**
 * The attacks of issue 17 (corpus/issue-17-attacks.json names each), sent to a running instance
 * and kept closed: every one of them got through before. Timing attacks are judged with the
 * /health budget of test/support/health-probe.ts (100 ms on a quiet machine).
 */
const run = promisify(execFile);
const ATTACKS = corpus<{ attacks: { id: string; item: number; attack: string }[] }>('issue-17-attacks').attacks;
const SLOW_TEMPLATE = `Judul {{unit.name}}\n${'{{#each @root}}{{#each @root}}{{#if (eq (kalimat @root.complaint.resolution) "")}}x{{/if}}{{/each}}{{/each}}'.repeat(150)}`;
const passed = new Set<string>();

describe('issue 17 attacks stay closed', () => {
  const feeds = new FeedServer();
  let t: Awaited<ReturnType<typeof createMediaTestApp>>;
  let base: string;
  const tokens: Record<string, string> = {};
  const as = (user: string) => bearer(tokens[user]);
  const done = (id: string) => passed.add(id);

  beforeAll(async () => {
    await feeds.start();
    t = await createMediaTestApp({
      TRUST_PROXY: '1', TEMPLATE_RENDER_TIMEOUT_MS: '250', FEED_FETCH_ALLOW_HOSTS: '127.0.0.1', FEED_FETCH_MAX_BYTES: String(8 * 1024 * 1024),
      MEDIA_MAX_BYTES: String(1024 * 1024), DISPATCH_INTERVAL_MS: '0', FEED_CHECK_INTERVAL_MS: '100',
    });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${((t.app.getHttpServer() as Server).address() as AddressInfo).port}`;
    await t.http.post('/api/v1/users').set(bearer(await t.login('admin'))).send({ username: 'humas2.kebayoran', displayName: 'Dua', role: 'humas', unitCode: 'POLSEK-KEBAYORAN-BARU', password: 'second-humas-pass' }).expect(201);
    for (const user of ['admin', 'operator.kebayoran', 'humas.kebayoran', 'humas.jaksel']) tokens[user] = await t.login(user);
    tokens['humas2.kebayoran'] = await t.login('humas2.kebayoran', 'second-humas-pass');
  });
  afterAll(async () => {
    recordFigure('issue-17 attacks kept closed', `${passed.size} of ${ATTACKS.length}`);
    await t?.cleanup();
    await feeds.stop();
  });

  const newComplaint = async (user = 'operator.kebayoran', over: Record<string, unknown> = {}) =>
    (await t.http.post('/api/v1/complaints').set(as(user)).send(complaintFor('POLSEK-KEBAYORAN-BARU', over)).expect(201)).body as { id: string; storyId: string };

  it('lists every attack of the corpus once', () => {
    expect(new Set(ATTACKS.map((a) => a.id)).size).toBe(ATTACKS.length);
    expect(new Set(ATTACKS.map((a) => a.item))).toEqual(new Set(Array.from({ length: 16 }, (_, i) => i + 1)));
  });

  it('urgent-self-approval, urgent-self-confirmation', async () => {
    const own = await newComplaint('humas.kebayoran');
    expect((await t.http.post(`/api/v1/stories/${own.storyId}/approve`).set(as('humas.kebayoran')).send({ urgent: true, reason: 'Klarifikasi hoaks' }).expect(403)).body.code).toBe('four_eyes');
    done('urgent-self-approval');
    const other = await newComplaint();
    await t.http.post(`/api/v1/stories/${other.storyId}/approve`).set(as('humas.kebayoran')).send({ urgent: true, reason: 'Klarifikasi hoaks' }).expect(200);
    expect((await t.http.post(`/api/v1/stories/${other.storyId}/approve`).set(as('humas.kebayoran')).send({}).expect(403)).body.code).toBe('four_eyes');
    await t.http.post(`/api/v1/stories/${other.storyId}/approve`).set(as('humas2.kebayoran')).send({}).expect(200);
    done('urgent-self-confirmation');
  });

  it('template-each-root-6, template-if-1100, template-slow-render, template-slow-unit-override, template-log-forging, template-log-root', async () => {
    const { storyId } = await newComplaint();
    const preview = (body: string) => t.http.post('/api/v1/templates/preview').set(as('humas.kebayoran')).send({ kind: 'complaint', channel: 'website', body, storyId });
    const save = (body: string) => t.http.put('/api/v1/templates/complaint/website').set(as('humas.kebayoran')).send({ body, unitCode: 'POLSEK-KEBAYORAN-BARU' });
    const cases: [string, string, string][] = [
      ['template-each-root-6', `Judul\n${'{{#each @root}}'.repeat(6)}x${'{{/each}}'.repeat(6)}`, 'template_invalid'],
      ['template-if-1100', `Judul\n${'{{#if x}}'.repeat(1100)}x${'{{/if}}'.repeat(1100)}`, 'template_invalid'],
      ['template-log-forging', 'Judul\n{{log "{\\"level\\":50,\\"msg\\":\\"forged\\"}" level="error"}}', 'template_invalid'],
      ['template-log-root', 'Judul\n{{log @root}}', 'template_invalid'],
      ['template-slow-render', SLOW_TEMPLATE, 'template_too_slow'],
    ];
    const rounds = await expectHealthyDuring(t.http, async () => {
      for (const [, body, code] of cases) {
        for (const answer of await Promise.all([preview(body), save(body)])) {
          expect(answer.status).toBe(422);
          expect(answer.body).toMatchObject({ code, line: 2 });
        }
      }
    });
    recordFigure('issue-17 /health while templates attack (slowest ms / budget ms)', rounds.at(-1));
    for (const [id] of cases) done(id);
    await t.dataSource.query(`INSERT INTO template_override (key, unit_id, body, version) SELECT 'complaint/website', id, $1, 1 FROM unit WHERE code = 'POLSEK-KEBAYORAN-BARU'`, [SLOW_TEMPLATE]);
    try {
      // judged against an ordinary intake of a unit without overrides: the attack froze it for 6 s
      const ordinary = () => t.http.post('/api/v1/complaints').set(as('humas.jaksel')).send(complaintFor('POLSEK-CILANDAK')).expect(201);
      await expectHealthyDuring(t.http, () => newComplaint(), 3, ordinary);
    } finally {
      await t.dataSource.query(`DELETE FROM template_override`);
    }
    done('template-slow-unit-override');
  });

  it('feed-700k-nested, feed-javascript-links, ipv4-compatible-feed-url', async () => {
    feeds.raw.set('/nested.xml', `<rss version="2.0"><channel><item><title>x</title><description>${'<a>'.repeat(700_000)}${'</a>'.repeat(700_000)}</description></item></channel></rss>`);
    feeds.raw.set('/links.xml', rss([{ guid: 'j', title: 'Skrip', link: 'javascript:alert(1)' }, { guid: 'd', title: 'Data', link: 'data:text/html,<script>alert(1)</script>' }]));
    const partner = (await t.http.post('/api/v1/partners').set(as('humas.kebayoran'))
      .send({ name: 'Mitra Serang', kind: 'online', feeds: [`${feeds.base}/nested.xml`, `${feeds.base}/links.xml`, `http://[::7f00:1]:${feeds.port}/feed.xml`] }).expect(201)).body.id;
    // judged against a legitimate feed of about the same size (fetching 5 MB costs the event loop
    // something whatever the feed holds); the hostile one stalled /health for 6.5 s
    feeds.raw.set('/big.xml', rss(Array.from({ length: 4_000 }, (_, i) => ({ guid: `b-${i}`, title: `Berita ${i}`, link: `https://mitra.example/${i}`, description: 'isi berita '.repeat(100) }))));
    const legitimate = (await t.http.post('/api/v1/partners').set(as('humas.kebayoran')).send({ name: 'Mitra Besar', kind: 'online', feeds: [`${feeds.base}/big.xml`] }).expect(201)).body.id;
    const ordinary = () => t.http.post(`/api/v1/partners/${legitimate}/poll`).set(as('humas.kebayoran')).expect(200);
    let result: { feeds: { url: string; status: string; error?: string }[] } | undefined;
    await expectHealthyDuring(t.http, async () => {
      result = (await t.http.post(`/api/v1/partners/${partner}/poll`).set(as('humas.kebayoran')).expect(200)).body;
    }, 3, ordinary);
    const byPath = (p: string) => result!.feeds.find((f) => f.url.includes(p))!;
    expect(byPath('nested.xml')).toMatchObject({ status: 'failed', error: expect.stringMatching(/too_complex/) });
    done('feed-700k-nested');
    expect(byPath('7f00')).toMatchObject({ status: 'failed', error: expect.stringMatching(/address_refused/) });
    done('ipv4-compatible-feed-url');
    const links: { link: string | null }[] = await t.dataSource.query(`SELECT link FROM partner_item WHERE partner_id = $1`, [partner]);
    expect(links).toEqual([{ link: null }, { link: null }]);
    done('feed-javascript-links');
  });

  it('webhook-replay', async () => {
    const integration = (await t.http.post('/api/v1/intake/integrations').set(as('admin')).send({ name: 'Replay', username: 'operator.kebayoran' }).expect(201)).body;
    const raw = JSON.stringify({ kind: 'feedback', item: { unitCode: 'POLSEK-KEBAYORAN-BARU', serviceType: 'skck', rating: 5, text: 'Pelayanan cepat dan ramah.', author: { name: 'Dewi' }, consent: { level: 'initials', quote: true }, source: 'survey', receivedAt: '2026-10-20T03:00:00Z' } });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const send = () => t.http.post('/api/v1/intake/webhook').set('Content-Type', 'application/json').set('X-Gaung-Integration', integration.id)
      .set('X-Gaung-Timestamp', timestamp).set('X-Gaung-Signature', signWebhook(integration.secret, timestamp, raw)).send(raw);
    expect((await send()).status).toBe(201);
    for (let i = 0; i < 2; i++) expect((await send()).body).toMatchObject({ status: 409, code: 'replayed' });
    done('webhook-replay');
  });

  it('nul-path-parameter, nul-query-story-list, nul-query-console-search, gzip-undecodable, br-undecodable', async () => {
    for (const path of ['/feeds/units/%00/rss.xml', '/api/v1/stories?q=%00']) {
      const response = await t.http.get(path).set(as('humas.kebayoran'));
      expect({ path, status: response.status, problem: /problem\+json/.test(response.headers['content-type']) }).toEqual({ path, status: 400, problem: true });
    }
    done('nul-path-parameter');
    done('nul-query-story-list');
    const page = await fetch(`${base}/cerita?q=%00`, { headers: { cookie: `gaung_session=${tokens['humas.kebayoran']}`, accept: 'text/html' }, redirect: 'manual' });
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    done('nul-query-console-search');
    for (const [id, encoding, body] of [['gzip-undecodable', 'gzip', zlib.gzipSync('{"a":1}').subarray(0, 9)], ['br-undecodable', 'br', Buffer.from('not brotli')]] as const) {
      const response = await t.http.post('/api/v1/complaints').set('Content-Type', 'application/json').set('Content-Encoding', encoding).send(body);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('body_encoding_invalid');
      done(id);
    }
  });

  it('lockout-weapon, username-oracle, audit-unknown-username, audit-throttled-attempt, audit-contact-read', async () => {
    const login = (address: string, username: string, password: string) => t.http.post('/api/v1/auth/login').set('X-Forwarded-For', address).send({ username, password });
    for (let i = 0; i < 8; i++) expect([401, 429]).toContain((await login('203.0.113.9', 'humas.jaksel', 'salah')).status);
    await login('198.51.100.4', 'humas.jaksel', 'gaung-demo-2026').expect(200);
    done('lockout-weapon');
    const statuses = async (username: string) => {
      const seen: number[] = [];
      for (let i = 0; i < 5; i++) seen.push((await login('203.0.113.77', username, 'salah')).status);
      return seen;
    };
    expect(await statuses('tidak.ada.orangnya')).toEqual(await statuses('humas.kebayoran'));
    done('username-oracle');
    const audited = async (action: string, username: string) =>
      (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = $1 AND details->>'username' = $2`, [action, username]))[0].n as number;
    expect(await audited('auth.login_failed', 'tidak.ada.orangnya')).toBeGreaterThanOrEqual(3);
    done('audit-unknown-username');
    expect(await audited('auth.throttled', 'humas.kebayoran')).toBeGreaterThanOrEqual(1);
    done('audit-throttled-attempt');
    const { id } = await newComplaint('operator.kebayoran', { complainant: { name: 'Hartono Wiraguna', phone: '0813-1111-2222' } });
    await t.http.get(`/api/v1/complaints/${id}`).set(as('humas.kebayoran')).expect(200);
    const reads = await t.dataSource.query(`SELECT actor_id FROM audit_event WHERE action = 'citizen_contact.read' AND subject_id = $1`, [id]);
    expect(reads).toHaveLength(1);
    done('audit-contact-read');
  });

  it('token-minting-token, token-without-expiry', async () => {
    const session = await t.login('humas.jaksel');
    const day = await t.http.post('/api/v1/auth/tokens').set(bearer(session)).send({ name: 'sehari', expiresInDays: 1 }).expect(201);
    expect((await t.http.post('/api/v1/auth/tokens').set(bearer(day.body.token)).send({ name: 'abadi' }).expect(403)).body.code).toBe('session_required');
    done('token-minting-token');
    const plain = await t.http.post('/api/v1/auth/tokens').set(bearer(session)).send({ name: 'tanpa batas' }).expect(201);
    expect(plain.body.expiresAt).not.toBeNull();
    await t.http.post('/api/v1/auth/tokens').set(bearer(session)).send({ name: 'jauh', expiresInDays: 3650 }).expect(400);
    done('token-without-expiry');
  });

  it('bidi-press-room, bidi-feeds, bidi-quote-card, csv-formula-after-line-break', async () => {
    const stories = new FeedStories(t);
    const id = await stories.published('complaints', complaintFor('POLSEK-KEBAYORAN-BARU'));
    await t.dataSource.query(`UPDATE draft SET title = $2, body = $3 WHERE story_id = $1 AND channel = 'website'`,
      [id, 'Judul \u202eterbalik\u202c \u2066isolasi\u2069', 'JAKARTA SELATAN - Isi \u202eterbalik\u202c.\n\nParagraf kedua \u200f.']);
    const [{ slug }] = await t.dataSource.query(`SELECT slug FROM story WHERE id = $1`, [id]);
    const page = await t.http.get(`/rilis/${slug}`).expect(200);
    expect(page.text).toContain('terbalik');
    expect(page.text).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200f]/);
    done('bidi-press-room');
    let feed = '';
    for (let i = 0; i < 100 && !feed.includes('Paragraf kedua'); i++) {
      feed = (await t.http.get('/feeds/rss.xml').set('Accept-Encoding', 'identity')).text;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(feed).toContain('terbalik');
    expect(feed).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200f]/);
    done('bidi-feeds');
    const { quoteCardSvg } = await import('../../src/media/quote-card.svg');
    expect(quoteCardSvg({ quote: '\u202eTerima kasih\u202c', attribution: 'A.W.', unitName: 'Polsek' }).svg).not.toMatch(/[\u202a-\u202e]/);
    done('bidi-quote-card');
    await t.dataSource.query(`UPDATE story SET title = $2 WHERE id = $1`, [id, '\n=HYPERLINK("http://x.example","klik")']);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const csv = await t.http.get(`/api/v1/reports/stories.csv?from=${day(-30)}&to=${day(1)}&unitCode=POLSEK-KEBAYORAN-BARU`).set(as('humas.kebayoran')).buffer(true)
      .parse((res, cb) => { const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => cb(null, Buffer.concat(chunks))); });
    const text = (csv.body as Buffer).toString('utf8');
    expect(text).toContain(`"'\n=HYPERLINK(`);
    done('csv-formula-after-line-break');
  });

  it('webhook-channel-loopback', async () => {
    const { WebhookProvider } = await import('../../src/publishing/channels/webhook.provider');
    const provider = t.app.get(WebhookProvider);
    const request = { publicationId: 'p', storyId: 's', channel: 'whatsapp', unit: { code: 'X', name: 'X' }, title: null, text: 't', url: 'https://x', media: [], account: { mode: 'webhook', credentials: { url: `http://[::7f00:1]:${feeds.port}/hook`, secret: 'secret-secret-secret' } } };
    const outcome = await provider.publish(request as never, new AbortController().signal);
    expect(outcome.kind).toBe('refused');
    done('webhook-channel-loopback');
  });

  it('keep-alive-refused-upload, server-keep-alive-timeout', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaung-rel-ka-'));
    const large = path.join(dir, 'large.jpg');
    fs.writeFileSync(large, Buffer.concat([await noisyPhoto(32, 32), Buffer.alloc(2 * 1024 * 1024, 1)]));
    const { stdout } = await run('curl', ['-sS', '--http1.1', '-o', '/dev/null', '-w', '%{http_code} %{num_connects}\\n', '-H', `Authorization: Bearer ${tokens['operator.kebayoran']}`,
      '-F', `file=@${large};type=image/jpeg`, `${base}/api/v1/media`, '--next', '-sS', '--http1.1', '-o', '/dev/null', '-w', '%{http_code} %{num_connects}\\n', `${base}/health`]);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(stdout.trim().split('\n')).toEqual(['413 1', '200 0']);
    done('keep-alive-refused-upload');
    expect((t.app.getHttpServer() as Server).keepAliveTimeout).toBeGreaterThan(60_000);
    done('server-keep-alive-timeout');
  });

  it('role-error-repeats-admin', async () => {
    const refused = await t.http.post('/api/v1/units').set(as('operator.kebayoran')).send({}).expect(403);
    expect(refused.body.detail).not.toMatch(/admin, admin/);
    done('role-error-repeats-admin');
  });

  it('kept every attack of the corpus closed (upload-burst-memory is measured by bench/media-burst-memory.bench.js)', () => {
    const missing = ATTACKS.map((a) => a.id).filter((id) => !passed.has(id) && id !== 'upload-burst-memory');
    expect(missing).toEqual([]);
  });
});
