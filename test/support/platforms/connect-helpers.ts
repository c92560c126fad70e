import type { TestApp } from '../test-app';
import type { ConsoleSession } from '../console-session';
import { FakeMeta } from './fake-meta';
import { FakeTelegram } from './fake-telegram';
import { FakeTikTok } from './fake-tiktok';
import { FakeX } from './fake-x';

export const PUBLIC_BASE = 'http://gaung.test';

export interface Platforms {
  x: FakeX;
  meta: FakeMeta;
  tiktok: FakeTikTok;
  telegram: FakeTelegram;
  close(): Promise<void>;
}

/** The four platform fakes, their apps registered with Gaung's callback addresses. */
export async function startPlatforms(): Promise<Platforms> {
  const [x, meta, tiktok, telegram] = await Promise.all([new FakeX().start(), new FakeMeta().start(), new FakeTikTok().start(), new FakeTelegram().start()]);
  x.app.redirectUri = `${PUBLIC_BASE}/koneksi/callback/x`;
  meta.app.redirectUri = `${PUBLIC_BASE}/koneksi/callback/facebook`;
  tiktok.app.redirectUri = `${PUBLIC_BASE}/koneksi/callback/tiktok`;
  return { x, meta, tiktok, telegram, close: async () => void (await Promise.all([x.close(), meta.close(), tiktok.close(), telegram.close()])) };
}

/** Gaung's configuration for the fakes, as README "Channel connections" documents it. */
export function platformEnv(p: Platforms): Record<string, string> {
  return {
    PUBLIC_BASE_URL: PUBLIC_BASE,
    X_CLIENT_ID: p.x.app.clientId, X_CLIENT_SECRET: p.x.app.clientSecret, X_AUTHORIZE_URL: `${p.x.url}/i/oauth2/authorize`, X_API_BASE_URL: p.x.url,
    FACEBOOK_APP_ID: p.meta.app.clientId, FACEBOOK_APP_SECRET: p.meta.app.clientSecret, FACEBOOK_AUTHORIZE_URL: `${p.meta.url}/v21.0/dialog/oauth`, GRAPH_API_BASE_URL: `${p.meta.url}/v21.0`,
    TIKTOK_CLIENT_KEY: p.tiktok.app.clientId, TIKTOK_CLIENT_SECRET: p.tiktok.app.clientSecret, TIKTOK_AUTHORIZE_URL: `${p.tiktok.url}/v2/auth/authorize/`, TIKTOK_API_BASE_URL: p.tiktok.url,
    TELEGRAM_API_BASE_URL: p.telegram.url,
    TOKEN_HEALTH_MINUTES: '0', ENGAGEMENT_POLL_MINUTES: '0', DISPATCH_INTERVAL_MS: '0', PUBLISH_TIMEOUT_MS: '3000',
  };
}

/** Step 1, as the browser does it: "Hubungkan akun" answers 303 to the platform's consent screen. */
export async function startConnect(t: TestApp, session: ConsoleSession, unitCode: string, channel: string): Promise<string> {
  const started = await t.http.post(`/koneksi/${unitCode}/${channel}/mulai`).set('Cookie', session.cookie).type('form').send({ _csrf: session.csrf });
  if (started.status !== 303) throw new Error(`start answered ${started.status}: ${started.text.slice(0, 300)}`);
  return started.headers.location as string;
}

/** Step 2: the platform's consent screen answers with a redirect to our callback (the officer approved or declined). */
export async function consent(authorizationUrl: string): Promise<URL> {
  const answer = await fetch(authorizationUrl, { redirect: 'manual' });
  const location = answer.headers.get('location');
  if (answer.status !== 302 || !location) throw new Error(`the consent screen answered ${answer.status}: ${await answer.text()}`);
  return new URL(location);
}

/** Step 3: the browser follows the redirect back to Gaung (same path and query, our host). */
export function callback(t: TestApp, session: ConsoleSession, back: URL) {
  return t.http.get(`${back.pathname}${back.search}`).set('Cookie', session.cookie);
}

/** The whole flow; returns the callback answer. */
export async function connectThrough(t: TestApp, session: ConsoleSession, unitCode: string, channel: string) {
  return callback(t, session, await consent(await startConnect(t, session, unitCode, channel)));
}
