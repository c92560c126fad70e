import type { Response } from 'supertest';
import { DEMO_PASSWORD, TEST_ADMIN_PASSWORD, type TestApp } from './test-app';

/** A console session as a browser holds it: its cookie header and the page's CSRF token. */
export interface ConsoleSession {
  cookie: string;
  csrf: string;
}

const cookieValue = (response: Response, name: string): string | undefined => {
  const raw = response.headers['set-cookie'] as unknown as string[] | undefined;
  const line = raw?.find((c) => c.startsWith(`${name}=`));
  return line ? line.split(';')[0].slice(name.length + 1) : undefined;
};

/** The value of the first hidden input named `name` in an HTML page. */
export const hiddenValue = (html: string, name: string): string | undefined =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];

/** Logs in through the console's own login form (double-submit token included), as a browser does. */
export async function consoleLogin(t: TestApp, username: string, password?: string): Promise<ConsoleSession> {
  const form = await t.http.get('/login').expect(200);
  const loginCsrf = cookieValue(form, 'gaung_login_csrf')!;
  const posted = await t.http.post('/login').set('Cookie', `gaung_login_csrf=${loginCsrf}`).type('form')
    .send({ _csrf: hiddenValue(form.text, '_csrf'), username, password: password ?? (username === 'admin' ? TEST_ADMIN_PASSWORD : DEMO_PASSWORD) });
  if (posted.status !== 303) throw new Error(`console login of ${username} failed: ${posted.status}`);
  const cookie = `gaung_session=${cookieValue(posted, 'gaung_session')}`;
  const home = await t.http.get('/notifikasi').set('Cookie', cookie).expect(200);
  const csrf = /<meta name="csrf-token" content="([^"]+)"/.exec(home.text)?.[1];
  if (!csrf) throw new Error('no csrf-token meta on the console page');
  return { cookie, csrf };
}
