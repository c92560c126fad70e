import { type FakeApp, FakePlatform, type PlatformReply, type PlatformRequest, bearerOf, redirect, token } from './fake-platform';

const logId = () => token('2026');
const apiError = (status: number, code: string, message: string): PlatformReply => ({ status, body: { data: {}, error: { code, message, log_id: logId() } } });

/**
 * TikTok as documented (developers.tiktok.com: Login Kit for Web v2, Manage User Access Tokens,
 * Content Posting API photo posts, Display API): the authorize page takes client_key and
 * comma-separated scopes and redirects back with code and state (error=access_denied when
 * declined); POST /v2/oauth/token/ takes client_key and client_secret in the form, exchanges a
 * code once, and refresh_token grants rotate the refresh token; OAuth errors are
 * {error, error_description, log_id}; API errors {error: {code, message, log_id}} with
 * access_token_invalid (401) and rate_limit_exceeded (429: content/init allows 6 a minute per
 * user token).
 */
export class FakeTikTok extends FakePlatform {
  readonly app: FakeApp = { clientId: 'aw1tiktokclientkey', clientSecret: 'tiktok-secret-0123456789', redirectUri: '' };
  consent: 'approve' | 'deny' = 'approve';
  readonly openId = '-000OpenIdOfKebayoranBaru';
  private readonly codes = new Map<string, { redirectUri: string; scope: string; used: boolean }>();
  readonly accessTokens = new Map<string, { revoked: boolean }>();
  readonly refreshTokens = new Set<string>();
  refreshCalls = 0;
  private readonly inits: number[] = [];
  readonly publishes: { publishId: string; mode: string; body: Record<string, unknown> }[] = [];
  status: 'SEND_TO_USER_INBOX' | 'PUBLISH_COMPLETE' = 'SEND_TO_USER_INBOX';

  constructor() {
    super();
    this.route('GET', '/v2/auth/authorize/', (r) => this.authorize(r));
    this.route('POST', '/v2/oauth/token/', (r) => this.token(r));
    this.route('GET', '/v2/user/info/', (r) => this.authed(r, () => ({
      status: 200, body: { data: { user: { open_id: this.openId, username: 'polsek.kby', display_name: 'Polsek Kebayoran Baru', is_verified: false } }, error: { code: 'ok', message: '', log_id: logId() } },
    })));
    this.route('POST', '/v2/post/publish/content/init/', (r) => this.authed(r, () => this.init(r)));
    this.route('POST', '/v2/post/publish/creator_info/query/', (r) => this.authed(r, () => ({
      status: 200, body: { data: { creator_username: 'polsek.kby', privacy_level_options: ['PUBLIC_TO_EVERYONE', 'SELF_ONLY'], comment_disabled: false }, error: { code: 'ok', message: '', log_id: logId() } },
    })));
    this.route('POST', '/v2/post/publish/status/fetch/', (r) => this.authed(r, () => ({
      status: 200, body: { data: { status: this.status, publicaly_available_post_id: this.status === 'PUBLISH_COMPLETE' ? [7400000000000000001] : [], uploaded_bytes: 0 }, error: { code: 'ok', message: '', log_id: logId() } },
    })));
    this.route('POST', '/v2/video/query/', (r) => this.authed(r, () => ({
      status: 200, body: { data: { videos: ((r.json.filters as { video_ids?: string[] })?.video_ids ?? []).map((id) => ({ id, view_count: 5000, like_count: 300, comment_count: 12, share_count: 20 })), cursor: 0, has_more: false }, error: { code: 'ok', message: '', log_id: logId() } },
    })));
  }

  revokeAll(): void {
    for (const t of this.accessTokens.values()) t.revoked = true;
    this.refreshTokens.clear();
  }

  private authorize(r: PlatformRequest): PlatformReply {
    const q = r.query;
    if (q.get('client_key') !== this.app.clientId || q.get('redirect_uri') !== this.app.redirectUri || q.get('response_type') !== 'code' || !q.get('state')) {
      return { status: 400, body: { error: 'invalid_request', error_description: 'client_key or redirect_uri is invalid', log_id: logId() } };
    }
    const state = q.get('state')!;
    if (this.consent === 'deny') return redirect(this.app.redirectUri, { error: 'access_denied', error_description: 'The user denied the request', state });
    const code = token('tkcode*');
    this.codes.set(code, { redirectUri: q.get('redirect_uri')!, scope: q.get('scope') ?? '', used: false });
    return redirect(this.app.redirectUri, { code, scopes: q.get('scope') ?? '', state });
  }

  private token(r: PlatformRequest): PlatformReply {
    const f = r.form;
    if (f.get('client_key') !== this.app.clientId || f.get('client_secret') !== this.app.clientSecret) {
      return { status: 400, body: { error: 'invalid_client', error_description: 'Client key or secret is incorrect.', log_id: logId() } };
    }
    if (f.get('grant_type') === 'authorization_code') {
      const grant = this.codes.get(f.get('code') ?? '');
      if (!grant || grant.used || grant.redirectUri !== f.get('redirect_uri')) return { status: 400, body: { error: 'invalid_grant', error_description: 'Authorization code is expired.', log_id: logId() } };
      grant.used = true;
      return this.issue(grant.scope);
    }
    if (f.get('grant_type') === 'refresh_token') {
      this.refreshCalls++;
      if (!this.refreshTokens.delete(f.get('refresh_token') ?? '')) return { status: 400, body: { error: 'invalid_grant', error_description: 'Refresh token is invalid or expired.', log_id: logId() } };
      return this.issue('user.info.basic,user.info.profile,user.info.stats,video.publish,video.upload,video.list');
    }
    return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'The grant type is not supported.', log_id: logId() } };
  }

  private issue(scope: string): PlatformReply {
    const access = token('act.');
    const refresh = token('rft.');
    this.accessTokens.set(access, { revoked: false });
    this.refreshTokens.add(refresh);
    return { status: 200, body: { access_token: access, expires_in: 86400, open_id: this.openId, refresh_expires_in: 31536000, refresh_token: refresh, scope, token_type: 'Bearer' } };
  }

  private authed(r: PlatformRequest, then: () => PlatformReply): PlatformReply {
    const t = this.accessTokens.get(bearerOf(r) ?? '');
    if (!t || t.revoked) return apiError(401, 'access_token_invalid', 'The access token is invalid or not found in the request.');
    return then();
  }

  private init(r: PlatformRequest): PlatformReply {
    const now = Date.now();
    while (this.inits.length && this.inits[0] <= now - 60_000) this.inits.shift();
    if (this.inits.length >= 6) return apiError(429, 'rate_limit_exceeded', 'API rate limit was exceeded. Please try again later.');
    this.inits.push(now);
    const body = r.json;
    if (body.media_type !== 'PHOTO' || !['DIRECT_POST', 'MEDIA_UPLOAD'].includes(String(body.post_mode))) return apiError(400, 'invalid_params', 'media_type or post_mode is invalid');
    const publishId = `p_pub_url~v2.${7300000000000000000n + BigInt(this.publishes.length + 1)}`;
    this.publishes.push({ publishId, mode: String(body.post_mode), body });
    return { status: 200, body: { data: { publish_id: publishId }, error: { code: 'ok', message: '', log_id: logId() } } };
  }
}
