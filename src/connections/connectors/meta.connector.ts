import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { GAUNG_CONFIG, type GaungConfig } from '../../config/gaung-config';
import type { Channel } from '../../drafting/channels';
import { ChannelHttp } from '../../publishing/channels/channel-http';
import { ConnectionError } from '../connection.errors';
import type { ConnectedAccount, Credentials, HealthReading, PageChoice } from '../connection.types';
import { OAuthClient } from '../oauth-client';
import { apiCall, asObject, type AttemptContext, type CompletedConnect, type Connector, expectOk, expiresAt, missingScopes, text } from './connector';

/** Facebook Login permissions for posting to a Page and to its linked Instagram professional account, and reading insights. */
export const META_SCOPES = [
  'pages_show_list', 'pages_read_engagement', 'pages_manage_posts', 'read_insights',
  'instagram_basic', 'instagram_content_publish', 'instagram_manage_insights', 'business_management',
] as const;
const NEEDED: Record<'facebook' | 'instagram', readonly string[]> = {
  facebook: ['pages_show_list', 'pages_manage_posts', 'pages_read_engagement'],
  instagram: ['instagram_basic', 'instagram_content_publish'],
};
/** A long-lived token's data access runs out after 90 days: warn a week before. */
const EXPIRING_WITHIN_MS = 7 * 86_400_000;
/** Graph error codes that mean the token or a permission is gone (190: OAuthException; 10, 200-299: permissions). */
const TOKEN_GONE = new Set([190, 102, 10]);
/** Subcode 458: the app was removed by the user: a revocation rather than an expiry. */
const APP_REMOVED = 458;

/**
 * Facebook Pages and Instagram through Facebook Login: the code is exchanged for a user token,
 * that for a long-lived one (fb_exchange_token), and the Page token is read from /me/accounts
 * (a Page token derived from a long-lived user token does not expire). The Instagram account
 * is the professional account linked to the Page. With several Pages the officer picks one.
 */
@Injectable()
export class MetaConnector implements Connector {
  readonly channels = ['facebook', 'instagram'] as const;

  constructor(
    private readonly oauth: OAuthClient,
    private readonly http: ChannelHttp,
    private readonly clock: Clock,
    @Inject(GAUNG_CONFIG) private readonly config: GaungConfig,
  ) {}

  async authorizationUrl(attempt: AttemptContext): Promise<URL> {
    const app = this.config.connections.facebook;
    if (!app.app) throw new ConnectionError('not_configured', 'FACEBOOK_APP_ID and FACEBOOK_APP_SECRET are not set');
    const url = new URL(app.authorizeUrl);
    url.search = new URLSearchParams({
      client_id: app.app.clientId, redirect_uri: attempt.redirectUri, state: attempt.state, response_type: 'code',
      scope: META_SCOPES.join(','), code_challenge: await this.oauth.challengeOf(attempt.codeVerifier), code_challenge_method: 'S256',
    }).toString();
    return url;
  }

  async complete(callback: URL, attempt: AttemptContext): Promise<CompletedConnect> {
    const config = this.config.connections.facebook;
    const short = await this.oauth.exchangeCode(config, 'post', callback, attempt.state, attempt.redirectUri, attempt.codeVerifier);
    const long = await this.oauth.grant(config, 'post', 'fb_exchange_token', { fb_exchange_token: short.access_token });
    const channel = attempt.channel as 'facebook' | 'instagram';
    const scopes = await this.grantedScopes(long.access_token);
    const missing = missingScopes(scopes, NEEDED[channel]);
    if (missing.length > 0) throw new ConnectionError('scope_missing', `not granted: ${missing.join(', ')}`);
    const pages = await this.pages(long.access_token, channel);
    const userExpiry = expiresAt(this.clock.now(), long.expires_in);
    const sealed = pages.map((p) => ({ ...p.credentials, scopes: scopes.join(','), userTokenExpiresAt: userExpiry?.toISOString() ?? '' }));
    if (pages.length === 1) return { kind: 'connected', account: this.choose(channel, sealed[0]) };
    return { kind: 'choose', choices: pages.map((p) => p.choice), sealedChoices: sealed };
  }

  /** Builds the account from one Page of /me/accounts (its token and linked Instagram account). */
  choose(channel: Channel, choice: Credentials): ConnectedAccount {
    const scopes = (choice.scopes ?? '').split(',').filter(Boolean);
    const common = { tokenExpiresAt: null, refreshExpiresAt: null, scopes };
    if (channel === 'instagram') {
      return {
        ...common, handle: choice.igUsername ? `@${choice.igUsername}` : null, displayName: choice.pageName ?? null, externalId: choice.igUserId,
        credentials: { igUserId: choice.igUserId, accessToken: choice.pageAccessToken, pageId: choice.pageId }, verified: null,
      };
    }
    return {
      ...common, handle: choice.pageUsername ? `@${choice.pageUsername}` : null, displayName: choice.pageName ?? null, externalId: choice.pageId,
      credentials: { pageId: choice.pageId, pageAccessToken: choice.pageAccessToken }, verified: choice.pageVerified === 'true' ? true : null,
    };
  }

  /** debug_token (with the app token) for validity, expiry and scopes; then a cheap read of the Page or IG account. */
  async check(channel: string, credentials: Credentials): Promise<HealthReading> {
    const token = channel === 'instagram' ? credentials.accessToken : credentials.pageAccessToken;
    const app = this.config.connections.facebook.app;
    let scopes: string[] | undefined;
    let tokenExpiresAt: Date | null = null;
    if (app) {
      const debug = await this.graph('facebook debug_token', 'debug_token', `${app.clientId}|${app.clientSecret}`, { input_token: token }, [token, app.clientSecret]);
      const data = asObject(expectOk(debug, 'provider_error', 'facebook debug_token').data);
      if (data.is_valid !== true) return this.gone(asObject(data.error));
      scopes = Array.isArray(data.scopes) ? data.scopes.filter((s): s is string => typeof s === 'string') : undefined;
      const missing = scopes ? missingScopes(scopes, NEEDED[channel as 'facebook' | 'instagram']) : [];
      if (missing.length > 0) return { state: 'reconnect_needed', reason: `Izin dicabut: ${missing.join(', ')}.`, scopes };
      const dataAccess = typeof data.data_access_expires_at === 'number' && data.data_access_expires_at > 0 ? new Date(data.data_access_expires_at * 1000) : null;
      tokenExpiresAt = dataAccess;
    }
    const id = channel === 'instagram' ? credentials.igUserId : credentials.pageId;
    const fields = channel === 'instagram' ? 'id,username' : 'id,name,verification_status';
    const read = await this.graph(`${channel} account read`, encodeURIComponent(id), token, { fields }, [token]);
    if (read.status >= 400 && read.status < 500) return this.gone(asObject(read.body.error));
    const body = expectOk(read, 'provider_error', `${channel} account read`);
    const expiring = tokenExpiresAt !== null && tokenExpiresAt.getTime() - this.clock.now().getTime() < EXPIRING_WITHIN_MS;
    return {
      state: expiring ? 'expiring' : 'connected', reason: expiring ? 'Akses data Facebook segera berakhir: hubungkan ulang.' : null, scopes, tokenExpiresAt,
      verified: channel === 'facebook' ? (body.verification_status === 'blue_verified' ? true : null) : null,
    };
  }

  async verifyPasted(channel: string, credentials: Credentials): Promise<ConnectedAccount> {
    const instagram = channel === 'instagram';
    const id = instagram ? credentials.igUserId : credentials.pageId;
    const token = instagram ? credentials.accessToken : credentials.pageAccessToken;
    if (!id || !token) throw new ConnectionError('credentials_invalid', instagram ? 'igUserId and accessToken are required' : 'pageId and pageAccessToken are required');
    const fields = instagram ? 'id,username' : 'id,name,username,verification_status';
    const body = expectOk(await this.graph(`${channel} account read`, encodeURIComponent(id), token, { fields }, [token]), 'credentials_invalid', `${channel} account read`);
    const username = text(body.username);
    return {
      handle: username ? `@${username}` : null, displayName: text(body.name), externalId: text(body.id) ?? id, credentials,
      tokenExpiresAt: null, refreshExpiresAt: null, scopes: [], verified: !instagram && body.verification_status === 'blue_verified' ? true : null,
    };
  }

  private gone(error: Record<string, unknown>): HealthReading {
    const code = typeof error.code === 'number' ? error.code : 0;
    const subcode = typeof error.subcode === 'number' ? error.subcode : typeof error.error_subcode === 'number' ? error.error_subcode : 0;
    if (subcode === APP_REMOVED) return { state: 'revoked', reason: 'Aplikasi Gaung dicabut dari akun Facebook.' };
    if (TOKEN_GONE.has(code) || (code >= 200 && code < 300) || code === 0) {
      return { state: 'reconnect_needed', reason: 'Token Facebook tidak berlaku lagi (kata sandi atau admin Halaman berubah).' };
    }
    return { state: 'reconnect_needed', reason: `Facebook menolak akses (kode ${code}).` };
  }

  private async grantedScopes(userToken: string): Promise<string[]> {
    const answer = await this.graph('facebook permissions', 'me/permissions', userToken, {}, [userToken]);
    const data = expectOk(answer, 'provider_error', 'facebook permissions').data;
    if (!Array.isArray(data)) return [];
    return data.map(asObject).filter((p) => p.status === 'granted').map((p) => text(p.permission)).filter((p): p is string => p !== null);
  }

  private async pages(userToken: string, channel: 'facebook' | 'instagram'): Promise<{ choice: PageChoice; credentials: Credentials }[]> {
    const fields = 'id,name,username,access_token,verification_status,instagram_business_account{id,username}';
    const answer = await this.graph('facebook pages', 'me/accounts', userToken, { fields, limit: '100' }, [userToken]);
    const data = expectOk(answer, 'provider_error', 'facebook pages').data;
    const pages = (Array.isArray(data) ? data : []).map(asObject).flatMap((page) => {
      const id = text(page.id);
      const token = text(page.access_token);
      if (!id || !token) return [];
      const ig = asObject(page.instagram_business_account);
      const igId = text(ig.id);
      const choice: PageChoice = { id, name: text(page.name) ?? id, instagram: igId ? { id: igId, username: text(ig.username) } : null };
      const credentials: Credentials = {
        pageId: id, pageName: choice.name, pageAccessToken: token, pageUsername: text(page.username) ?? '',
        pageVerified: page.verification_status === 'blue_verified' ? 'true' : 'false',
        ...(igId ? { igUserId: igId, igUsername: text(ig.username) ?? '' } : {}),
      };
      return [{ choice, credentials }];
    });
    const usable = channel === 'instagram' ? pages.filter((p) => p.choice.instagram) : pages;
    if (usable.length === 0) throw new ConnectionError('no_page', channel === 'instagram' ? 'no Page with a linked Instagram professional account' : 'no Page');
    return usable;
  }

  private graph(step: string, path: string, token: string, query: Record<string, string>, secrets: string[]) {
    const search = new URLSearchParams({ ...query, access_token: token });
    return apiCall(this.http, { step, method: 'GET', url: `${this.config.graphApiBaseUrl}/${path}?${search.toString()}`, secrets }, this.config.publishTimeoutMs);
  }
}
