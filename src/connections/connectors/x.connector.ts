import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { GAUNG_CONFIG, type GaungConfig } from '../../config/gaung-config';
import { ChannelHttp } from '../../publishing/channels/channel-http';
import { ConnectionError } from '../connection.errors';
import type { ConnectedAccount, Credentials, HealthReading, RefreshedTokens } from '../connection.types';
import { OAuthClient } from '../oauth-client';
import { apiCall, type AttemptContext, type CompletedConnect, type Connector, expectOk, expiresAt, missingScopes, scopesOf, text } from './connector';

/** Posting with a photo, reading the account and its posts' metrics, and a refresh token (offline.access). */
export const X_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access'] as const;

/**
 * X: OAuth 2.0 authorization code with PKCE (S256) as a confidential client (HTTP Basic at
 * POST /2/oauth2/token). Access tokens live 2 hours; refresh tokens rotate and are single-use,
 * so refreshing is serialised per account by TokenKeeper.
 */
@Injectable()
export class XConnector implements Connector {
  readonly channels = ['x'] as const;

  constructor(
    private readonly oauth: OAuthClient,
    private readonly http: ChannelHttp,
    private readonly clock: Clock,
    @Inject(GAUNG_CONFIG) private readonly config: GaungConfig,
  ) {}

  async authorizationUrl(attempt: AttemptContext): Promise<URL> {
    const app = this.config.connections.x;
    if (!app.app) throw new ConnectionError('not_configured', 'X_CLIENT_ID and X_CLIENT_SECRET are not set');
    const url = new URL(app.authorizeUrl);
    url.search = new URLSearchParams({
      response_type: 'code', client_id: app.app.clientId, redirect_uri: attempt.redirectUri, scope: X_SCOPES.join(' '),
      state: attempt.state, code_challenge: await this.oauth.challengeOf(attempt.codeVerifier), code_challenge_method: 'S256',
    }).toString();
    return url;
  }

  async complete(callback: URL, attempt: AttemptContext): Promise<CompletedConnect> {
    const tokens = await this.oauth.exchangeCode(this.config.connections.x, 'basic', callback, attempt.state, attempt.redirectUri, attempt.codeVerifier);
    const scopes = scopesOf(tokens.scope);
    const missing = missingScopes(scopes, X_SCOPES);
    if (missing.length > 0) throw new ConnectionError('scope_missing', `not granted: ${missing.join(', ')}`);
    if (!tokens.refresh_token) throw new ConnectionError('scope_missing', 'no refresh token (offline.access)');
    const credentials = { accessToken: tokens.access_token, refreshToken: tokens.refresh_token };
    return { kind: 'connected', account: await this.account(credentials, expiresAt(this.clock.now(), tokens.expires_in), scopes) };
  }

  async refresh(_channel: string, credentials: Credentials): Promise<RefreshedTokens> {
    if (!credentials.refreshToken) throw new ConnectionError('refresh_rejected', 'the account has no refresh token');
    const own = credentials.clientId && credentials.clientSecret ? { clientId: credentials.clientId, clientSecret: credentials.clientSecret } : undefined;
    const tokens = await this.oauth.refresh(this.config.connections.x, 'basic', credentials.refreshToken, own);
    // X rotates: the answer's refresh token replaces the one just spent
    const refreshToken = tokens.refresh_token ?? credentials.refreshToken;
    return { credentials: { ...credentials, accessToken: tokens.access_token, refreshToken }, tokenExpiresAt: expiresAt(this.clock.now(), tokens.expires_in), refreshExpiresAt: null };
  }

  /** GET /2/users/me: a 401 with a token that has not expired means access was revoked. */
  async check(_channel: string, credentials: Credentials): Promise<HealthReading> {
    const answer = await this.me(credentials.accessToken);
    if (answer.status === 401) return { state: 'revoked', reason: 'X menolak token (akses aplikasi dicabut).' };
    const body = expectOk(answer, 'provider_error', 'x users/me');
    const data = (body.data ?? {}) as Record<string, unknown>;
    return { state: 'connected', reason: null, verified: data.verified === true };
  }

  async verifyPasted(_channel: string, credentials: Credentials): Promise<ConnectedAccount> {
    if (!credentials.accessToken) throw new ConnectionError('credentials_invalid', 'accessToken is required');
    return this.account(credentials, null, []);
  }

  private async account(credentials: Credentials, tokenExpiresAt: Date | null, scopes: string[]): Promise<ConnectedAccount> {
    const body = expectOk(await this.me(credentials.accessToken), 'credentials_invalid', 'x users/me');
    const data = (body.data ?? {}) as Record<string, unknown>;
    const id = text(data.id);
    if (!id) throw new ConnectionError('provider_error', 'x users/me: no user id');
    const username = text(data.username);
    return {
      handle: username ? `@${username}` : null, displayName: text(data.name), externalId: id, credentials,
      tokenExpiresAt, refreshExpiresAt: null, scopes, verified: data.verified === true,
    };
  }

  private me(token: string) {
    return apiCall(this.http, {
      step: 'x users/me', method: 'GET', url: `${this.config.xApiBaseUrl}/2/users/me?user.fields=verified,verified_type,username,name`,
      headers: { authorization: `Bearer ${token}` }, secrets: [token],
    }, this.config.publishTimeoutMs);
  }
}
