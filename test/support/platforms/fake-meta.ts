import { type FakeApp, FakePlatform, type PlatformReply, type PlatformRequest, redirect, s256, token } from './fake-platform';

const V = '/v21.0';
const fbtrace = () => token('A');
const graphError = (status: number, message: string, code: number, subcode?: number): PlatformReply =>
  ({ status, body: { error: { message, type: 'OAuthException', code, ...(subcode && { error_subcode: subcode }), fbtrace_id: fbtrace() } } });

interface Page { id: string; name: string; username: string; token: string; ig: { id: string; username: string } | null }

/**
 * Facebook Login and the Graph API as documented (developers.facebook.com: manually build a
 * login flow, long-lived tokens, Page access tokens, debug_token, IG content publishing limit,
 * insights): the Login dialog answers with a redirect (error=access_denied&error_reason=
 * user_denied when declined); /oauth/access_token exchanges a code once (code_verifier checked
 * when a challenge was sent; a reused code is OAuthException 100 subcode 36009) and
 * fb_exchange_token gives a long-lived token; /me/accounts lists Pages with their tokens; a
 * token the user invalidated answers OAuthException 190 (subcode 460 for a password change).
 */
export class FakeMeta extends FakePlatform {
  readonly app: FakeApp = { clientId: '123456789012345', clientSecret: 'meta-app-secret-0123456789', redirectUri: '' };
  consent: 'approve' | 'deny' = 'approve';
  readonly pages: Page[] = [
    { id: '101000000000001', name: 'Polsek Kebayoran Baru', username: 'polsekkebayoranbaru', token: token('EAAP1'), ig: { id: '17841400000000001', username: 'polsek_kby' } },
    { id: '101000000000002', name: 'Humas Polres Jaksel', username: 'humaspolresjaksel', token: token('EAAP2'), ig: null },
  ];
  private readonly codes = new Map<string, { redirectUri: string; challenge: string | null; used: boolean }>();
  private readonly userTokens = new Set<string>();
  /** Tokens made invalid (password changed, admin removed): debug_token and every call say so. */
  readonly invalidated = new Set<string>();
  /** Instagram's publishing limit as content_publishing_limit reports it. */
  quota = { usage: 0, total: 50 };
  readonly published: string[] = [];

  constructor() {
    super();
    this.route('GET', `${V}/dialog/oauth`, (r) => this.dialog(r));
    for (const method of ['GET', 'POST']) this.route(method, `${V}/oauth/access_token`, (r) => this.accessToken(r));
    this.route('GET', `${V}/me/permissions`, (r) => this.asUser(r, () => ({
      status: 200, body: { data: ['pages_show_list', 'pages_read_engagement', 'pages_manage_posts', 'read_insights', 'instagram_basic', 'instagram_content_publish', 'instagram_manage_insights', 'business_management'].map((permission) => ({ permission, status: 'granted' })) },
    })));
    this.route('GET', `${V}/me/accounts`, (r) => this.asUser(r, () => ({
      status: 200,
      body: { data: this.pages.map((p) => ({ id: p.id, name: p.name, username: p.username, access_token: p.token, verification_status: 'blue_verified', category: 'Government Organization', tasks: ['CREATE_CONTENT'], ...(p.ig && { instagram_business_account: { id: p.ig.id, username: p.ig.username } }) })), paging: {} },
    })));
    this.route('GET', `${V}/debug_token`, (r) => this.debugToken(r));
    this.route('GET', `${V}/:id/content_publishing_limit`, (r) => this.asPage(r, () => ({ status: 200, body: { data: [{ quota_usage: this.quota.usage, config: { quota_total: this.quota.total, quota_duration: 86400 } }] } })));
    this.route('POST', `${V}/:id/media`, (r) => this.asPage(r, () => ({ status: 200, body: { id: `1790000${this.published.length}` } })));
    this.route('POST', `${V}/:id/media_publish`, (r) => this.asPage(r, () => {
      if (this.quota.usage >= this.quota.total) return graphError(400, 'Application request limit reached', 9, 2207042);
      this.quota.usage++;
      const id = `1800000${this.published.length}`;
      this.published.push(id);
      return { status: 200, body: { id } };
    }));
    this.route('POST', `${V}/:id/photos`, (r, p) => this.asPage(r, () => ({ status: 200, body: { id: `55500${this.published.length}`, post_id: `${p.id}_80000${this.published.push('p')}` } })));
    this.route('POST', `${V}/:id/feed`, (r) => this.asPage(r, () => ({ status: 200, body: { id: `${this.pages[0].id}_90000${this.published.push('f')}` } })));
    this.route('GET', `${V}/:id/insights`, (r) => this.asPage(r, () => this.insights(r)));
    this.route('GET', `${V}/:id`, (r, p) => this.asPage(r, () => this.node(r, p.id)));
  }

  /** The officer changed the Facebook password: every token of theirs stops working. */
  invalidateAll(): void {
    for (const t of [...this.userTokens, ...this.pages.map((p) => p.token)]) this.invalidated.add(t);
  }

  private dialog(r: PlatformRequest): PlatformReply {
    const q = r.query;
    if (q.get('client_id') !== this.app.clientId || q.get('redirect_uri') !== this.app.redirectUri || !q.get('state')) {
      return { status: 400, body: { error: { message: 'Invalid redirect_uri', type: 'OAuthException', code: 191 } } };
    }
    const state = q.get('state')!;
    if (this.consent === 'deny') return redirect(this.app.redirectUri, { error: 'access_denied', error_code: '200', error_description: 'Permissions error', error_reason: 'user_denied', state });
    const code = token('AQ');
    this.codes.set(code, { redirectUri: q.get('redirect_uri')!, challenge: q.get('code_challenge'), used: false });
    return redirect(this.app.redirectUri, { code, state });
  }

  private accessToken(r: PlatformRequest): PlatformReply {
    const f = r.form;
    if (f.get('client_id') !== this.app.clientId || f.get('client_secret') !== this.app.clientSecret) return graphError(400, 'Error validating client secret.', 1);
    if (f.get('grant_type') === 'fb_exchange_token') {
      if (!this.userTokens.has(f.get('fb_exchange_token') ?? '')) return graphError(400, 'Invalid OAuth access token - Cannot parse access token', 190);
      return this.userToken(5183944);
    }
    const grant = this.codes.get(f.get('code') ?? '');
    if (!grant) return graphError(400, 'Invalid verification code format.', 100);
    if (grant.used) return graphError(400, 'This authorization code has been used.', 100, 36009);
    if (grant.redirectUri !== f.get('redirect_uri')) return graphError(400, 'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request', 100);
    if (grant.challenge && s256(f.get('code_verifier') ?? '') !== grant.challenge) return graphError(400, 'Invalid code verifier', 100);
    grant.used = true;
    return this.userToken(5400);
  }

  private userToken(expiresIn: number): PlatformReply {
    const t = token('EAAU');
    this.userTokens.add(t);
    return { status: 200, body: { access_token: t, token_type: 'bearer', expires_in: expiresIn } };
  }

  private debugToken(r: PlatformRequest): PlatformReply {
    if (r.query.get('access_token') !== `${this.app.clientId}|${this.app.clientSecret}`) return graphError(400, 'Invalid OAuth access token signature.', 190);
    const input = r.query.get('input_token') ?? '';
    if (this.invalidated.has(input)) {
      return { status: 200, body: { data: { app_id: this.app.clientId, type: 'PAGE', is_valid: false, error: { code: 190, message: 'Error validating access token: The session has been invalidated because the user changed their password.', subcode: 460 }, scopes: [] } } };
    }
    const known = this.pages.some((p) => p.token === input) || this.userTokens.has(input);
    return { status: 200, body: { data: { app_id: this.app.clientId, type: 'PAGE', is_valid: known, expires_at: 0, data_access_expires_at: Math.floor(Date.now() / 1000) + 90 * 86400, scopes: ['pages_show_list', 'pages_manage_posts', 'pages_read_engagement', 'instagram_basic', 'instagram_content_publish', 'read_insights'] } } };
  }

  private asUser(r: PlatformRequest, then: () => PlatformReply): PlatformReply {
    const t = r.query.get('access_token') ?? '';
    if (!this.userTokens.has(t) || this.invalidated.has(t)) return graphError(400, 'Error validating access token: Session has expired.', 190, 463);
    return then();
  }

  private asPage(r: PlatformRequest, then: () => PlatformReply): PlatformReply {
    const t = r.query.get('access_token') ?? '';
    if (this.invalidated.has(t)) return graphError(400, 'Error validating access token: The session has been invalidated because the user changed their password.', 190, 460);
    if (!this.pages.some((p) => p.token === t)) return graphError(400, 'Invalid OAuth access token - Cannot parse access token', 190);
    return then();
  }

  private node(r: PlatformRequest, id: string): PlatformReply {
    const page = this.pages.find((p) => p.id === id);
    if (page) return { status: 200, body: { id: page.id, name: page.name, username: page.username, verification_status: 'blue_verified' } };
    const ig = this.pages.find((p) => p.ig?.id === id)?.ig;
    if (ig) return { status: 200, body: { id: ig.id, username: ig.username } };
    if (r.query.get('fields')?.includes('permalink')) return { status: 200, body: { id, permalink: `https://www.instagram.com/p/${id}/` } };
    if (r.query.get('fields')?.includes('shares')) {
      return { status: 200, body: { id, shares: { count: 5 }, comments: { data: [], summary: { total_count: 7 } }, reactions: { data: [], summary: { total_count: 60 } } } };
    }
    return graphError(400, `Unsupported get request. Object with ID '${id}' does not exist`, 100, 33);
  }

  private insights(r: PlatformRequest): PlatformReply {
    const values: Record<string, number> = { reach: 900, views: 1500, likes: 80, comments: 6, shares: 4, saved: 9, total_interactions: 99, post_impressions: 2000, post_impressions_unique: 1400 };
    const data = (r.query.get('metric') ?? '').split(',').map((name) => ({ name, period: 'lifetime', values: [{ value: values[name] ?? 0 }], title: name, id: `x/insights/${name}/lifetime` }));
    return { status: 200, body: { data } };
  }
}
