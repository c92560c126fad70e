import { Inject, Injectable } from '@nestjs/common';
import * as oauth from 'oauth4webapi';
import type { OAuthAppConfig } from '../config/gaung-config';
import { CHANNEL_SETTINGS, type ChannelSettings } from '../publishing/channels/channel-settings';
import { ConnectionError } from './connection.errors';

/**
 * How the app authenticates at the token endpoint: X wants HTTP Basic (confidential client),
 * Facebook takes client_id and client_secret in the body, TikTok names its id `client_key`.
 */
export type ClientAuthKind = 'basic' | 'post' | 'tiktok';

/** A token endpoint answer: the standard members, and whatever else the platform adds (open_id...). */
export type TokenSet = oauth.TokenEndpointResponse;

/**
 * The one place that speaks OAuth 2.0, through oauth4webapi (standards-based, no dependencies):
 * PKCE, state, the authorization response (errors, state check), code exchange, refresh and
 * other grants. Outbound HTTP to the token endpoints happens only here. Plain http endpoints
 * are allowed only when configured so (the local protocol fakes of the tests).
 */
@Injectable()
export class OAuthClient {
  constructor(@Inject(CHANNEL_SETTINGS) private readonly settings: ChannelSettings) {}

  newState(): string {
    return oauth.generateRandomState();
  }

  newCodeVerifier(): string {
    return oauth.generateRandomCodeVerifier();
  }

  challengeOf(verifier: string): Promise<string> {
    return oauth.calculatePKCECodeChallenge(verifier);
  }

  /**
   * Checks the redirect back from the platform (state, error=access_denied...) and exchanges the
   * code. `codeVerifier` null: the platform's web flow has no PKCE (TikTok).
   */
  async exchangeCode(config: OAuthAppConfig, auth: ClientAuthKind, callback: URL, expectedState: string, redirectUri: string, codeVerifier: string | null): Promise<TokenSet> {
    const { as, client, clientAuth } = this.parties(config, auth);
    let parameters: URLSearchParams;
    try {
      parameters = oauth.validateAuthResponse(as, client, callback, expectedState);
    } catch (error) {
      if (error instanceof oauth.AuthorizationResponseError) {
        const code = error.error === 'access_denied' ? 'consent_denied' : 'provider_error';
        throw new ConnectionError(code, `authorization response: ${error.error}`);
      }
      throw new ConnectionError('state_invalid', 'the authorization response did not match the request');
    }
    return this.token('code_rejected', as, client, () =>
      oauth.authorizationCodeGrantRequest(as, client, clientAuth, parameters, redirectUri, codeVerifier ?? oauth.nopkce, this.options(config)),
      (response) => oauth.processAuthorizationCodeResponse(as, client, response),
    );
  }

  /** Refreshes; the answer carries the new (rotated) refresh token where the platform rotates them. */
  refresh(config: OAuthAppConfig, auth: ClientAuthKind, refreshToken: string, appOverride?: { clientId: string; clientSecret: string }): Promise<TokenSet> {
    const { as, client, clientAuth } = this.parties(config, auth, appOverride);
    return this.token('refresh_rejected', as, client, () =>
      oauth.refreshTokenGrantRequest(as, client, clientAuth, refreshToken, this.options(config)),
      (response) => oauth.processRefreshTokenResponse(as, client, response),
    );
  }

  /** Another grant at the token endpoint (Facebook's fb_exchange_token for a long-lived token). */
  grant(config: OAuthAppConfig, auth: ClientAuthKind, grantType: string, parameters: Record<string, string>): Promise<TokenSet> {
    const { as, client, clientAuth } = this.parties(config, auth);
    return this.token('code_rejected', as, client, () =>
      oauth.genericTokenEndpointRequest(as, client, clientAuth, grantType, parameters, this.options(config)),
      (response) => oauth.processGenericTokenEndpointResponse(as, client, response),
    );
  }

  private parties(config: OAuthAppConfig, auth: ClientAuthKind, appOverride?: { clientId: string; clientSecret: string }) {
    const app = appOverride ?? config.app;
    if (!app) throw new ConnectionError('not_configured', 'the platform app has no client id and secret');
    const as: oauth.AuthorizationServer = {
      issuer: new URL(config.authorizeUrl).origin,
      authorization_endpoint: config.authorizeUrl,
      token_endpoint: config.tokenUrl,
    };
    const client: oauth.Client = { client_id: app.clientId };
    const clientAuth: oauth.ClientAuth =
      auth === 'basic' ? oauth.ClientSecretBasic(app.clientSecret)
      : auth === 'post' ? oauth.ClientSecretPost(app.clientSecret)
      : (_as, _client, body) => {
          body.set('client_key', app.clientId);
          body.set('client_secret', app.clientSecret);
        };
    return { as, client, clientAuth };
  }

  private options(config: OAuthAppConfig) {
    return { [oauth.allowInsecureRequests]: config.tokenUrl.startsWith('http:'), signal: () => AbortSignal.timeout(this.settings.timeoutMs) };
  }

  /** Runs one token request; every failure becomes a ConnectionError naming the OAuth error, never a token. */
  private async token(rejected: 'code_rejected' | 'refresh_rejected', _as: oauth.AuthorizationServer, _client: oauth.Client, send: () => Promise<Response>, process: (r: Response) => Promise<TokenSet>): Promise<TokenSet> {
    let response: Response;
    try {
      response = await send();
    } catch (error) {
      throw new ConnectionError('provider_unreachable', `token endpoint: ${(error as Error).name}`);
    }
    try {
      return await process(response);
    } catch (error) {
      if (error instanceof oauth.ResponseBodyError) {
        // 5xx and 429 clear by themselves: not a rejection of the code or refresh token
        if (error.status >= 500 || error.status === 429) throw new ConnectionError('provider_unreachable', `token endpoint: HTTP ${error.status}`);
        throw new ConnectionError(rejected, `token endpoint: ${error.error}${error.error_description ? `: ${error.error_description}` : ''}`);
      }
      const status = response.status;
      if (status >= 500 || status === 429) throw new ConnectionError('provider_unreachable', `token endpoint: HTTP ${status}`);
      if (status >= 400) throw new ConnectionError(rejected, `token endpoint: HTTP ${status}`);
      throw new ConnectionError('provider_error', `token endpoint: the answer is not a token response`);
    }
  }
}
