import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { signWebhook } from '../../src/intake/webhook/webhook-signature';
import { type Answer, call, Cluster, eventually, loginAt } from '../reliability/support/cluster';
import { FakeChannelApi } from '../support/fake-channel-api';
import { TINY_JPEG } from '../support/publish-requests';
import {
  apiComplaint, CITIZENS, consoleComplaint, csvComplaint, feedbackItem, OTHER_SECRETS, secretsOf, sensitiveComplaint, webhookComplaint,
} from '../support/privacy-cases';
import { TEST_SECRET_KEY } from '../support/test-app';
import { createTestDatabase, describeRealPg, type TestDatabase } from '../support/test-database';

const IMPORT_CLI = path.resolve(__dirname, '..', '..', 'dist', 'src', 'intake', 'bulk', 'import.cli.js');
const BOT = '123456:privacy-e2e-bot-token';

/** A console session against a running process: its cookie and CSRF token, as a browser holds them. */
async function consoleSession(base: string, username: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const form = await fetch(`${base}/login`);
  const loginCsrf = /gaung_login_csrf=([^;]+)/.exec(form.headers.get('set-cookie') ?? '')![1];
  const formCsrf = /name="_csrf" value="([^"]*)"/.exec(await form.text())![1];
  const posted = await fetch(`${base}/login`, {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `gaung_login_csrf=${loginCsrf}` },
    body: new URLSearchParams({ _csrf: formCsrf, username, password }),
  });
  const cookie = `gaung_session=${/gaung_session=([^;]+)/.exec(posted.headers.get('set-cookie') ?? '')![1]}`;
  const page = await (await fetch(`${base}/notifikasi`, { headers: { cookie } })).text();
  return { cookie, csrf: /<meta name="csrf-token" content="([^"]+)"/.exec(page)![1] };
}

/**
 * Issue 16, proven end to end on a real process (LOG_LEVEL=debug, its output read): personal data
 * of every class enters through the API, the console form, the CSV import and the signed webhook;
 * the stories are approved and published to the website, Telegram (a local fake of the Bot API)
 * and WhatsApp (manual); and no value appears in the press room, the three feed formats, a partner
 * feed, the channel requests, a quote card's alt text, the CSV export, a commander's view, or the logs.
 */
describeRealPg('privacy end to end (issue 16)', () => {
  let db: TestDatabase;
  let cluster: Cluster;
  let telegram: FakeChannelApi;
  let base: string;

  beforeAll(async () => {
    telegram = await FakeChannelApi.start();
    let messageId = 100;
    for (const method of ['sendMessage', 'sendPhoto']) {
      telegram.on(`POST /bot${BOT}/${method}`, () => ({ status: 200, body: { ok: true, result: { message_id: ++messageId, chat: { id: -1001, username: 'kebayoran_info' } } } }));
    }
    db = await createTestDatabase();
    cluster = await new Cluster(db.url, { LOG_LEVEL: 'debug', DISPATCH_INTERVAL_MS: '300', FEED_CHECK_INTERVAL_MS: '200', TELEGRAM_API_BASE_URL: telegram.url }).start(1);
    base = cluster.instances[0].url;
  }, 180_000);
  afterAll(async () => {
    await cluster?.stop();
    await db?.drop();
    await telegram?.close();
  });

  it('publishes every story and shows none of the personal data anywhere', async () => {
    const admin = await loginAt(base, 'admin');
    const operator = await loginAt(base, 'operator.kebayoran');
    const humas = await loginAt(base, 'humas.kebayoran');
    const humasParent = await loginAt(base, 'humas.jaksel');
    const commander = await loginAt(base, 'kapolsek.kebayoran');
    const as = (token: string) => (method: string, route: string, body?: unknown) => call(base, method, route, { token, body });
    const texts: { where: string; text: string }[] = [];
    const keep = (where: string, answer: Answer) => texts.push({ where, text: answer.text });

    expect((await as(admin)('PUT', '/api/v1/units/POLSEK-KEBAYORAN-BARU/channels/telegram', { mode: 'api', handle: '@kebayoran_info', credentials: { botToken: BOT, chatId: '-1001' } })).status).toBe(200);

    // a photo whose alt text names the citizen and the plate
    const upload = new FormData();
    upload.append('file', new Blob([new Uint8Array(TINY_JPEG)], { type: 'image/jpeg' }), 'motor.jpg');
    upload.append('alt', 'Motor B 4412 KZT milik Wiratmaja Sulistyo di depan Jl Kenari 17, hubungi 0813-7788-2299');
    const photo = await fetch(`${base}/api/v1/media`, { method: 'POST', headers: { authorization: `Bearer ${operator}` }, body: upload });
    expect(photo.status).toBe(201);
    const photoId = ((await photo.json()) as { id: string }).id;

    // 1. the JSON API
    const viaApi = await as(operator)('POST', '/api/v1/complaints', apiComplaint([photoId]));
    expect(viaApi.status).toBe(201);
    keep('API intake answer', viaApi);
    // 2. the console form
    const session = await consoleSession(base, 'operator.kebayoran', 'gaung-demo-2026');
    const form = await fetch(`${base}/pengaduan/baru`, {
      method: 'POST', redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookie },
      body: new URLSearchParams({ _csrf: session.csrf, ...consoleComplaint() }),
    });
    expect(form.status).toBe(303);
    // 3. the CSV import (the CLI, as an operator would run it)
    const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gaung-privacy-')), 'aduan.csv');
    fs.writeFileSync(csv, csvComplaint());
    const imported = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, [IMPORT_CLI, 'complaints', csv, '--as', 'operator.kebayoran'], {
        env: { PATH: process.env.PATH ?? '', DATABASE_URL: db.url, SECRET_KEY: TEST_SECRET_KEY }, stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (c) => (out += c));
      child.stderr.on('data', (c) => (out += c));
      child.once('exit', (code) => resolve({ code, out }));
    });
    expect(imported).toMatchObject({ code: 0 });
    texts.push({ where: 'import CLI output', text: imported.out });
    // 4. the signed webhook
    const integration = await as(admin)('POST', '/api/v1/intake/integrations', { name: 'Dumas Jaksel', username: 'operator.kebayoran' });
    const raw = JSON.stringify({ kind: 'complaint', item: webhookComplaint() });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const hooked = await fetch(`${base}/api/v1/intake/webhook`, {
      method: 'POST', body: raw,
      headers: { 'content-type': 'application/json', 'x-gaung-integration': integration.body.id, 'x-gaung-timestamp': timestamp, 'x-gaung-signature': signWebhook(integration.body.secret, timestamp, raw) },
    });
    expect(hooked.status).toBe(201);
    // feedback and a sensitive case through the API
    const feedback = await as(operator)('POST', '/api/v1/feedback', feedbackItem());
    expect(feedback.status).toBe(201);
    const sensitive = await as(operator)('POST', '/api/v1/complaints', sensitiveComplaint());
    expect(sensitive.status).toBe(201);

    // the stories made here (the process also seeded demo stories of its own)
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    const ids: string[] = (await pg.query(
      `SELECT s.id FROM story s LEFT JOIN complaint c ON s.kind = 'complaint' AND c.id = s.source_id
        WHERE c.external_ref LIKE 'PRIV-%' OR s.source_id = $1 ORDER BY s.created_at`, [feedback.body.id])).rows.map((r) => r.id);
    await pg.end();
    expect(ids).toHaveLength(6);

    // a quote card of the API complaint's quote (its sentence with a phone number is left out)
    const card = await as(humas)('POST', '/api/v1/media/quote-card', { storyId: viaApi.body.storyId });
    expect(card.status).toBe(201);
    keep('quote card', card);

    // approve and publish every story made here: no override, the drafts must be clean as they come
    for (const id of ids) {
      const story = await as(humas)('GET', `/api/v1/stories/${id}`);
      if (story.body.status === 'draft') expect((await as(operator)('POST', `/api/v1/stories/${id}/submit`)).status).toBe(200);
      const approved = await as(humas)('POST', `/api/v1/stories/${id}/approve`, story.body.sensitive ? {} : { channels: ['website', 'telegram', 'whatsapp'] });
      expect([id, approved.status, approved.body.errors ?? null]).toEqual([id, 200, null]);
      if (story.body.sensitive) {
        // two approvers for a sensitive case, website only unless opted in, and a neutral slug
        expect(approved.body.status).toBe('in_review');
        const second = await as(humasParent)('POST', `/api/v1/stories/${id}/approve`, {});
        expect(second.status).toBe(200);
        expect(second.body.approvedChannels).toEqual(['website']);
        expect(second.body.slug).toMatch(/^siaran-pers-[0-9a-f]{12}$/);
      }
      expect((await as(humas)('POST', `/api/v1/stories/${id}/schedule`, {})).status).toBe(200);
    }
    await eventually('every website and Telegram publication to be published', async () => {
      const all = await Promise.all(ids.map((id) => as(humas)('GET', `/api/v1/stories/${id}`)));
      return all.every((s) => s.body.publications.every((p: { channel: string; status: string }) => p.status === 'published' || p.status === 'awaiting_manual'));
    }, 60_000);

    // every public surface, the channel requests, the export, the commander's view and the logs
    const partner = await as(humas)('POST', '/api/v1/partners', { name: 'Warta Daring', kind: 'online' });
    const commanderSession = await consoleSession(base, 'kapolsek.kebayoran', 'gaung-demo-2026');
    const surfaces = ['/rilis', '/feeds/rss.xml', '/feeds/atom.xml', '/feeds/feed.json', '/feeds/units/POLSEK-KEBAYORAN-BARU/rss.xml',
      `/feeds/partners/${partner.body.feedToken}/rss.xml`, `/feeds/partners/${partner.body.feedToken}/feed.json`];
    for (const id of ids) {
      const story = (await as(humas)('GET', `/api/v1/stories/${id}`)).body;
      surfaces.push(`/rilis/${story.slug}`);
      texts.push({ where: `slug of ${id}`, text: story.slug });
      for (const d of story.drafts) texts.push({ where: `draft ${d.channel} of ${id}`, text: `${d.title ?? ''}\n${d.body}` });
      keep(`commander API view of story ${id}`, await as(commander)('GET', `/api/v1/stories/${id}`));
      const page = await fetch(`${base}/cerita/${id}`, { headers: { cookie: commanderSession.cookie } });
      expect([id, page.status]).toEqual([id, 200]);
      texts.push({ where: `commander console page of story ${id}`, text: await page.text() });
    }
    keep('commander view of the API complaint', await as(commander)('GET', `/api/v1/complaints/${viaApi.body.id}`));
    for (const route of surfaces) {
      const answer = await call(base, 'GET', route);
      expect([route, answer.status]).toEqual([route, 200]);
      keep(route, answer);
    }
    keep('stories CSV export', await as(humas)('GET', '/api/v1/reports/stories.csv?unitCode=POLSEK-KEBAYORAN-BARU'));
    for (const request of telegram.requests) texts.push({ where: `Telegram ${request.path}`, text: request.text });
    expect(telegram.requests.length).toBeGreaterThan(0);
    texts.push({ where: 'log output (LOG_LEVEL=debug)', text: cluster.instances[0].proc.output() });

    const secrets = [...Object.values(CITIZENS).flatMap(secretsOf), ...OTHER_SECRETS];
    const leaks = texts.flatMap(({ where, text }) =>
      secrets.filter((s) => new RegExp(`(?<![\\p{L}\\p{N}])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu').test(text)).map((s) => `${where}: ${s}`));
    expect([...new Set(leaks)]).toEqual([]);
    // and no mask placeholder reached a public surface
    const placeholders = texts.filter((t) => /^(\/rilis|\/feeds|Telegram|draft|quote card)/.test(t.where) && /disamarkan\]/.test(t.text)).map((t) => t.where);
    expect(placeholders).toEqual([]);
  }, 300_000);
});
