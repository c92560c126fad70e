import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { GAUNG_CONFIG, type GaungConfig } from '../../config/gaung-config';
import { ChannelHttp } from '../../publishing/channels/channel-http';
import { ConnectionError } from '../connection.errors';
import type { ConnectedAccount, Credentials, HealthReading, RefreshedTokens } from '../connection.types';
import { OAuthClient } from '../oauth-client';
import { apiCall, asObject, type AttemptContext, type CompletedConnect, type Connector, expectOk, expiresAt, missingScopes, scopesOf, text } from './connector';

/** Posting (direct or to the inbox), reading the account and its posts' stats. */
export const TIKTOK_SCOPES = ['user.info.basic', 'user.info.profile', 'user.info.stats', 'video.publish', 'video.upload', 'video.list'] as const;
const NEEDED = ['user.info.basic', 'video.upload'] as const;
/** TikTok refresh tokens live a year: warn a week before. */
const EXPIRING_WITHIN_MS = 7 * 86_400_000;

/**
 * TikTok Login Kit for Web (v2): the app is identified by `client_key`, scopes are
 * comma-separated, and the web flow has no PKCE (state only). Access tokens live 24 hours,
 * refresh tokens a year and may rotate on each refresh, so they are handled like X's.
 */
@Injectable()
export class TikTokConnector implements Connector {
  readonly channels = ['tiktok'] as const;

  constructor(
    private readonly oauth: OAuthClient,
    private readonly http: ChannelHttp,
    private readonly clock: Clock,
    @Inject(GAUNG_CONFIG) private readonly config: GaungConfig,
  ) {}

  async authorizationUrl(attempt: AttemptContext): Promise<URL> {
    const app = this.config.connections.tiktok;
    if (!app.app) throw new ConnectionError('not_configured', 'TIKTOK_CLIENT_KEY and TIKTOK_CLIENT_SECRET are not set');
    const url = new URL(app.authorizeUrl);
    url.search = new URLSearchParams({
      client_key: app.app.clientId, response_type: 'code', scope: TIKTOK_SCOPES.join(','), redirect_uri: attempt.redirectUri, state: attempt.state,
    }).toString();
    return url;
  }

  async complete(callback: URL, attempt: AttemptContext): Promise<CompletedConnect> {
    const tokens = await this.oauth.exchangeCode(this.config.connections.tiktok, 'tiktok', callback, attempt.state, attempt.redirectUri, null);
    const scopes = scopesOf(tokens.scope);
    const missing = missingScopes(scopes, NEEDED);
    if (missing.length > 0) throw new ConnectionError('scope_missing', `not granted: ${missing.join(', ')}`);
    if (!tokens.refresh_token) throw new ConnectionError('provider_error', 'no refresh token');
    const now = this.clock.now();
    const credentials = { accessToken: tokens.access_token, refreshToken: tokens.refresh_token, openId: text(tokens.open_id) ?? '' };
    return { kind: 'connected', account: await this.account(credentials, expiresAt(now, tokens.expires_in), expiresAt(now, tokens.refresh_expires_in), scopes) };
  }

  async refresh(_channel: string, credentials: Credentials): Promise<RefreshedTokens> {
    if (!credentials.refreshToken) throw new ConnectionError('refresh_rejected', 'the account has no refresh token');
    const tokens = await this.oauth.refresh(this.config.connections.tiktok, 'tiktok', credentials.refreshToken);
    const now = this.clock.now();
    return {
      credentials: { ...credentials, accessToken: tokens.access_token, refreshToken: tokens.refresh_token ?? credentials.refreshToken },
      tokenExpiresAt: expiresAt(now, tokens.expires_in), refreshExpiresAt: expiresAt(now, tokens.refresh_expires_in),
    };
  }

  async check(_channel: string, credentials: Credentials): Promise<HealthReading> {
    const answer = await this.userInfo(credentials.accessToken);
    const error = asObject(answer.body.error);
    if (answer.status === 401 || error.code === 'access_token_invalid') return { state: 'revoked', reason: 'TikTok menolak token (akses aplikasi dicabut).' };
    if (error.code === 'scope_not_authorized') return { state: 'reconnect_needed', reason: 'Izin TikTok dicabut: hubungkan ulang.' };
    const user = asObject(asObject(expectOk(answer, 'provider_error', 'tiktok user info').data).user);
    return { state: 'connected', reason: null, verified: user.is_verified === true };
  }

  /** Health of the refresh token's own expiry (a year), which no refresh extends unless TikTok rotates it. */
  refreshExpiring(refreshExpiresAt: Date | null): boolean {
    return refreshExpiresAt !== null && refreshExpiresAt.getTime() - this.clock.now().getTime() < EXPIRING_WITHIN_MS;
  }

  async verifyPasted(_channel: string, credentials: Credentials): Promise<ConnectedAccount> {
    if (!credentials.accessToken) throw new ConnectionError('credentials_invalid', 'accessToken is required');
    return this.account(credentials, null, null, []);
  }

  private async account(credentials: Credentials, tokenExpiresAt: Date | null, refreshExpiresAt: Date | null, scopes: string[]): Promise<ConnectedAccount> {
    const user = asObject(asObject(expectOk(await this.userInfo(credentials.accessToken), 'credentials_invalid', 'tiktok user info').data).user);
    const id = text(user.open_id) ?? credentials.openId;
    if (!id) throw new ConnectionError('provider_error', 'tiktok user info: no open_id');
    const username = text(user.username);
    return {
      handle: username ? `@${username}` : null, displayName: text(user.display_name), externalId: id, credentials: { ...credentials, openId: id },
      tokenExpiresAt, refreshExpiresAt, scopes, verified: user.is_verified === true,
    };
  }

  private userInfo(token: string) {
    return apiCall(this.http, {
      step: 'tiktok user info', method: 'GET', url: `${this.config.connections.tiktokApiBaseUrl}/v2/user/info/?fields=open_id,username,display_name,is_verified`,
      headers: { authorization: `Bearer ${token}` }, secrets: [token],
    }, this.config.publishTimeoutMs);
  }
}
