import { basicCredentials, bearerOf, type FakeApp, FakePlatform, type PlatformReply, type PlatformRequest, redirect, s256, token } from './fake-platform';

interface Grant { clientId: string; redirectUri: string; challenge: string; scope: string; used: boolean }

/**
 * X as documented (docs.x.com: OAuth 2.0 Authorization Code Flow with PKCE; API v2):
 * GET /i/oauth2/authorize (the consent screen, answered with a redirect), POST /2/oauth2/token
 * (confidential client by HTTP Basic; authorization_code with code_verifier checked against the
 * S256 challenge; codes single-use; refresh tokens rotate and are single-use; errors
 * {error, error_description} with 400), GET /2/users/me, POST /2/tweets (429 with
 * x-rate-limit-* and x-user-limit-24hour-* headers when the quota is spent), GET /2/tweets
 * with public_metrics. 401 bodies are X's problem shape.
 */
export class FakeX extends FakePlatform {
  readonly app: FakeApp = { clientId: 'x-client-id', clientSecret: 'x-client-secret-0123456789', redirectUri: '' };
  /** What the officer does on the consent screen. */
  consent: 'approve' | 'deny' = 'approve';
  /** Scopes the officer grants (default: all asked). */
  grantScopes: string[] | null = null;
  readonly user = { id: '1460912345678901234', username: 'humaspolsekkby', name: 'Humas Polsek Kebayoran Baru', verified: true };
  private readonly codes = new Map<string, Grant>();
  readonly accessTokens = new Map<string, { expiresAt: number; revoked: boolean }>();
  /** Live refresh tokens; a spent one is deleted (single use). */
  readonly refreshTokens = new Set<string>();
  refreshCalls = 0;
  /** Posts left in the user's 24-hour quota (null: unlimited). */
  dailyRemaining: number | null = null;
  readonly posts: { id: string; text: string }[] = [];
  metrics: Record<string, number> = { retweet_count: 3, reply_count: 2, like_count: 40, quote_count: 1, bookmark_count: 4, impression_count: 1200 };

  constructor() {
    super();
    this.route('GET', '/i/oauth2/authorize', (r) => this.authorize(r));
    this.route('POST', '/2/oauth2/token', (r) => this.token(r));
    this.route('GET', '/2/users/me', (r) => this.authed(r, () => ({ status: 200, body: { data: this.user } })));
    this.route('POST', '/2/media/upload', (r) => this.authed(r, () => ({ status: 200, body: { data: { id: `17${Date.now()}`, media_key: `3_17${Date.now()}`, expires_after_secs: 86400 } } })));
    this.route('POST', '/2/media/metadata', (r) => this.authed(r, () => ({ status: 200, body: { data: { id: String(r.json.id), associated_metadata: true } } })));
    this.route('POST', '/2/tweets', (r) => this.authed(r, () => this.tweet(r)));
    this.route('GET', '/2/tweets', (r) => this.authed(r, () => ({
      status: 200, body: { data: (r.query.get('ids') ?? '').split(',').map((id) => ({ id, text: 'x', public_metrics: this.metrics })) },
    })));
  }

  /** The officer revokes Gaung's access in X's settings: every token dies. */
  revokeAll(): void {
    for (const t of this.accessTokens.values()) t.revoked = true;
    this.refreshTokens.clear();
  }

  private authorize(r: PlatformRequest): PlatformReply {
    const q = r.query;
    if (q.get('client_id') !== this.app.clientId || q.get('redirect_uri') !== this.app.redirectUri) return { status: 400, body: { error: 'invalid_request' } };
    if (q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge') || !q.get('state')) return { status: 400, body: { error: 'invalid_request' } };
    const state = q.get('state')!;
    if (this.consent === 'deny') return redirect(this.app.redirectUri, { error: 'access_denied', state });
    const code = token('xcode-');
    const scope = (this.grantScopes ?? (q.get('scope') ?? '').split(' ')).join(' ');
    this.codes.set(code, { clientId: this.app.clientId, redirectUri: q.get('redirect_uri')!, challenge: q.get('code_challenge')!, scope, used: false });
    return redirect(this.app.redirectUri, { state, code });
  }

  private token(r: PlatformRequest): PlatformReply {
    const client = basicCredentials(r.headers.authorization as string | undefined);
    if (!client || client.id !== this.app.clientId || client.secret !== this.app.clientSecret) {
      return { status: 401, body: { error: 'unauthorized_client', error_description: 'Missing valid authorization header' } };
    }
    const f = r.form;
    if (f.get('grant_type') === 'authorization_code') {
      const grant = this.codes.get(f.get('code') ?? '');
      if (!grant || grant.used || grant.redirectUri !== f.get('redirect_uri') || s256(f.get('code_verifier') ?? '') !== grant.challenge) {
        return { status: 400, body: { error: 'invalid_request', error_description: 'Value passed for the authorization code was invalid.' } };
      }
      grant.used = true;
      return this.issue(grant.scope);
    }
    if (f.get('grant_type') === 'refresh_token') {
      this.refreshCalls++;
      const old = f.get('refresh_token') ?? '';
      if (!this.refreshTokens.delete(old)) return { status: 400, body: { error: 'invalid_request', error_description: 'Value passed for the token was invalid.' } };
      return this.issue('tweet.read tweet.write users.read media.write offline.access');
    }
    return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'Unsupported grant type' } };
  }

  private issue(scope: string): PlatformReply {
    const access = token('xat-');
    this.accessTokens.set(access, { expiresAt: Date.now() + 7200_000, revoked: false });
    const body: Record<string, unknown> = { token_type: 'bearer', expires_in: 7200, access_token: access, scope };
    if (scope.split(' ').includes('offline.access')) {
      const refresh = token('xrt-');
      this.refreshTokens.add(refresh);
      body.refresh_token = refresh;
    }
    return { status: 200, body };
  }

  private authed(r: PlatformRequest, then: () => PlatformReply): PlatformReply {
    const t = this.accessTokens.get(bearerOf(r) ?? '');
    if (!t || t.revoked || t.expiresAt < Date.now()) return { status: 401, body: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' } };
    return then();
  }

  private tweet(r: PlatformRequest): PlatformReply {
    const reset = String(Math.floor(Date.now() / 1000) + 3 * 3600);
    if (this.dailyRemaining === 0) {
      return {
        status: 429, body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
        headers: { 'x-rate-limit-limit': '100', 'x-rate-limit-remaining': '99', 'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + 900),
          'x-user-limit-24hour-limit': '17', 'x-user-limit-24hour-remaining': '0', 'x-user-limit-24hour-reset': reset },
      };
    }
    if (this.dailyRemaining !== null) this.dailyRemaining--;
    const id = String(1870000000000000000n + BigInt(this.posts.length + 1));
    this.posts.push({ id, text: String(r.json.text) });
    return { status: 201, body: { data: { id, text: r.json.text, edit_history_tweet_ids: [id] } } };
  }
}
