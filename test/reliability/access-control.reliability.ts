import fs from 'node:fs';
import path from 'node:path';
import { TokenService } from '../../src/auth/token.service';
import { createMediaTestApp } from '../support/media';
import { AccessResources, achievementBody, photo, complaintBody, feedbackBody, type Scope, SIDES, unique } from './support/access-resources';

/**
 * Every route of the router, called by every kind of caller inside and outside its scope, and
 * with missing, expired and revoked tokens and cookie sessions with and without their CSRF
 * token: each answer must match test/reliability/access-table.json (reviewed against DESIGN.md
 * §1 and §5). A route missing from the table fails; so does any 5xx.
 *
 * Regenerate a draft of the table from the current behaviour (then REVIEW it line by line: a
 * line that encodes a bug is a bug): ACCESS_TABLE_WRITE=1 npm run test:reliability -- access
 */
const TABLE_FILE = path.join(__dirname, 'access-table.json');
const REQUESTS_FILE = path.join(__dirname, 'access-requests.json');

interface RouteRequest {
  params?: Record<string, string>;
  body?: unknown;
  /** A console form (application/x-www-form-urlencoded); cookie sessions add their _csrf. */
  form?: Record<string, string>;
  multipart?: boolean;
  freshSession?: boolean;
}
type Credential = 'none' | 'expired' | 'revoked' | 'bearer' | 'cookie' | 'cookie-no-csrf';
interface Caller {
  label: string;
  username: string | null;
  credential: Credential;
  scope: Scope;
}

const ROLE_USERS = { admin: 'admin', humas: 'humas.kebayoran', commander: 'kapolsek.kebayoran', operator: 'operator.kebayoran' } as const;
const CALLERS: Caller[] = [
  { label: 'anonymous', username: null, credential: 'none', scope: 'in' },
  { label: 'expired-token', username: 'humas.kebayoran', credential: 'expired', scope: 'in' },
  { label: 'revoked-token', username: 'humas.kebayoran', credential: 'revoked', scope: 'in' },
  ...Object.entries(ROLE_USERS).flatMap(([role, username]) =>
    (['in', 'out'] as Scope[]).map((scope): Caller => ({ label: `${role}/${scope}`, username, credential: 'bearer', scope }))),
  { label: 'humas-cookie+csrf/in', username: 'humas.kebayoran', credential: 'cookie', scope: 'in' },
  { label: 'humas-cookie-no-csrf/in', username: 'humas.kebayoran', credential: 'cookie-no-csrf', scope: 'in' },
];
const PARAM_DEFAULTS: Record<string, string> = { channel: 'whatsapp', kind: 'complaint', rendition: 'thumb.jpg', provider: 'x' };
const BODY_MAKERS: Record<string, (unit: string) => unknown> = { complaint: complaintBody, feedback: feedbackBody, achievement: achievementBody };

/**
 * 401/403 carry their problem code (role_forbidden, csrf_failed, unit_out_of_scope...); a
 * redirect (the console) carries where to, ids as :id (to /login is the console's "sign in").
 */
const describeAnswer = (status: number, body: { code?: string }, location?: string) => {
  if (status >= 300 && status < 400) {
    const where = (location ?? '').replace(/\?.*$/, '').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id').replace(/\/[A-Z][A-Z0-9-]{2,}(?=\/|#|$)/g, '/:code');
    return `${status} -> ${where}`;
  }
  return [401, 403].includes(status) && body?.code ? `${status} ${body.code}` : String(status);
};
/** Denials and redirects must match exactly; any other answer below 500 means "let through", whatever the business rules said next. */
const normalise = (answer: string) => (/^(30\d|401|403|404)/.test(answer) || /^5/.test(answer) ? answer : 'allowed');

describe('access control: every route x every caller', () => {
  let t: Awaited<ReturnType<typeof createMediaTestApp>>;
  let resources: AccessResources;
  const expired = new Map<string, string>();
  const revoked = new Map<string, string>();
  const cookies = new Map<string, { cookie: string; csrf: string }>();

  beforeAll(async () => {
    t = await createMediaTestApp();
    resources = new AccessResources(t);
  });
  afterAll(() => t?.cleanup());

  const routes = () => {
    const router = t.app.getHttpAdapter().getInstance().router as { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
    return [...new Set(router.stack
      // the catch-all (404 problem for unknown paths) is not a route anyone is granted
      .filter((layer) => layer.route && !layer.route.path.startsWith('/docs') && !layer.route.path.includes('*'))
      .flatMap((layer) => Object.keys(layer.route!.methods).filter((m) => m !== '_all').map((m) => `${m.toUpperCase()} ${layer.route!.path}`)))].sort();
  };

  async function cookieSession(username: string, fresh: boolean) {
    if (fresh || !cookies.has(username)) {
      const response = await t.http.post('/api/v1/auth/login').send({ username, password: username === 'admin' ? undefined : 'gaung-demo-2026' });
      const cookie = String(response.headers['set-cookie']?.[0] ?? '').split(';')[0];
      const session = { cookie, csrf: response.body.csrfToken as string };
      if (fresh) return session;
      cookies.set(username, session);
    }
    return cookies.get(username)!;
  }

  async function deadToken(username: string, kind: 'expired' | 'revoked'): Promise<string> {
    const store = kind === 'expired' ? expired : revoked;
    if (!store.has(username)) {
      const issued = await t.app.get(TokenService).issue(await resources.userId(username), 'session', 'session', kind === 'expired' ? new Date(Date.now() - 60_000) : null);
      if (kind === 'revoked') await t.dataSource.query(`UPDATE api_token SET revoked_at = now() WHERE id = $1`, [issued.id]);
      store.set(username, issued.token);
    }
    return store.get(username)!;
  }

  const fill = (value: unknown, vars: Record<string, string>): unknown => {
    if (typeof value === 'string') return value.replace(/%(\w+)%/g, (whole, name: string) => vars[name] ?? whole);
    if (Array.isArray(value)) return value.map((v) => fill(v, vars));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, vars)]));
    return value;
  };

  async function call(route: string, spec: RouteRequest, caller: Caller): Promise<string> {
    const [method, pattern] = route.split(' ');
    // callers refused before any handler runs share resources; the others get fresh ones to change
    const mutating = method !== 'GET' && (caller.credential === 'bearer' || caller.credential === 'cookie');
    const side = SIDES[caller.scope];
    let url = pattern;
    for (const [, name] of pattern.matchAll(/:(\w+)/g)) {
      const kind = spec.params?.[name];
      const value = name === 'code' ? side.unit : kind ? await resources.get(kind, caller.scope, caller.username, mutating) : PARAM_DEFAULTS[name];
      if (value === undefined) throw new Error(`${route}: add the kind of :${name} to access-requests.json`);
      url = url.replace(`:${name}`, value);
    }
    let csrf: string | undefined;
    let request = (t.http as unknown as Record<string, (u: string) => import('supertest').Test>)[method.toLowerCase()](url);
    if (caller.credential === 'bearer') {
      const token = spec.freshSession ? await t.login(caller.username!) : await resources.tokenOf(caller.username!);
      request = request.set('Authorization', `Bearer ${token}`);
    } else if (caller.credential === 'expired' || caller.credential === 'revoked') {
      request = request.set('Authorization', `Bearer ${await deadToken(caller.username!, caller.credential)}`);
    } else if (caller.credential === 'cookie' || caller.credential === 'cookie-no-csrf') {
      const session = await cookieSession(caller.username!, !!spec.freshSession);
      csrf = session.csrf;
      request = request.set('Cookie', session.cookie);
      if (caller.credential === 'cookie') request = request.set('X-CSRF-Token', session.csrf);
    }
    if (spec.form) {
      const vars: Record<string, string> = { unit: side.unit, parent: side.parent, unique: unique(), username: side.operator };
      const form = fill(spec.form, vars) as Record<string, string>;
      if (caller.credential === 'cookie' && csrf) form._csrf = csrf;
      request = request.type('form').send(form);
    } else if (spec.multipart) {
      request = request.field('unitCode', side.unit).attach('file', await photo(), 'photo.jpg');
    } else if (spec.body !== undefined || method !== 'GET') {
      const template = typeof spec.body === 'string' ? BODY_MAKERS[spec.body](side.unit) : (spec.body ?? {});
      const vars: Record<string, string> = { unit: side.unit, parent: side.parent, unique: unique(), username: side.operator };
      if (JSON.stringify(template).includes('%story%')) vars.story = await resources.get('story', caller.scope, caller.username, true);
      request = request.send(fill(template, vars) as object);
    }
    const response = await request.redirects(0);
    return describeAnswer(response.status, response.body, response.headers.location);
  }

  it('answers every route as the reviewed table says', async () => {
    const requests = JSON.parse(fs.readFileSync(REQUESTS_FILE, 'utf8')) as Record<string, RouteRequest>;
    const table = fs.existsSync(TABLE_FILE) ? (JSON.parse(fs.readFileSync(TABLE_FILE, 'utf8')) as Record<string, Record<string, string>>) : {};
    const observed: Record<string, Record<string, string>> = {};
    const problems: string[] = [];
    const all = routes();
    expect(all.length).toBeGreaterThan(40);
    for (const route of all) {
      const spec = requests[route];
      if (!spec) {
        problems.push(`${route}: missing from access-requests.json (how to call it) and access-table.json (who may)`);
        continue;
      }
      if (process.env.ACCESS_ROUTES_ONLY === '1') continue;
      // the callers of one route at once: each state-changing call has resources of its own
      const answers = await Promise.all(CALLERS.map((caller) => call(route, spec, caller)));
      observed[route] = {};
      CALLERS.forEach((caller, i) => {
        const answer = answers[i];
        observed[route][caller.label] = answer;
        if (/^5/.test(answer)) problems.push(`${route} as ${caller.label}: server error ${answer}`);
        const expected = table[route]?.[caller.label];
        if (expected === undefined) problems.push(`${route} as ${caller.label}: no line in access-table.json (observed ${answer})`);
        else if (normalise(expected) !== normalise(answer)) problems.push(`${route} as ${caller.label}: expected ${expected}, got ${answer}`);
      });
    }
    for (const route of Object.keys(table)) if (!route.startsWith('_') && !all.includes(route)) problems.push(`${route}: in access-table.json but no longer a route`);
    if (process.env.ACCESS_TABLE_WRITE === '1') {
      fs.writeFileSync(TABLE_FILE, `${JSON.stringify({ _comment: table._comment ?? 'Expected answers per route and caller; reviewed against DESIGN.md §1/§5.', ...observed }, null, 1)}\n`);
    }
    expect(problems).toEqual([]);
  }, 1_200_000);
});
