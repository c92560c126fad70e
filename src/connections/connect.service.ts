import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/auth/auth-user';
import { Clock } from '../common/clock';
import { SecretBox } from '../common/crypto/secret-box';
import { ProblemException } from '../common/problem/problem.exception';
import { GAUNG_CONFIG, type GaungConfig } from '../config/gaung-config';
import type { Channel } from '../drafting/channels';
import { ScopeService } from '../units/scope.service';
import { ConnectionError } from './connection.errors';
import { CONNECTABLE_CHANNELS, type ConnectedAccount, type Credentials, type OAuthProvider, type PageChoice } from './connection.types';
import { ConnectorRegistry } from './connector-registry';
import { ConnectionsRepository, hashState } from './connections.repository';
import { OAuthClient } from './oauth-client';
import { TokenKeeper } from './token-keeper.service';

/** An officer has this long to consent on the platform (and to pick a Page). */
const ATTEMPT_TTL_MS = 15 * 60_000;

export type CallbackResult =
  | { kind: 'connected'; unitCode: string; channel: string; handle: string | null; released: number }
  | { kind: 'choose'; attemptId: string; unitCode: string; channel: string; choices: PageChoice[] };

/**
 * "Hubungkan akun": starts an OAuth attempt (state and PKCE verifier kept, sealed, in
 * PostgreSQL so any instance can finish it), finishes it on the callback, and stores the
 * connected account. Also verifies pasted credentials the same way. Whoever connects: an admin,
 * or the unit's own humas when the admin allowed it for that unit.
 */
@Injectable()
export class ConnectService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: ConnectionsRepository,
    private readonly connectors: ConnectorRegistry,
    private readonly tokens: TokenKeeper,
    private readonly oauth: OAuthClient,
    private readonly scope: ScopeService,
    private readonly box: SecretBox,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(GAUNG_CONFIG) private readonly config: GaungConfig,
  ) {}

  /** The callback address to register with each platform. */
  callbackUrl(provider: OAuthProvider): string {
    return `${this.config.publicBaseUrl}/koneksi/callback/${provider}`;
  }

  /** Starts connecting a unit's account: the address of the platform's consent screen. */
  async start(user: AuthUser, unitCode: string, channel: string): Promise<{ authorizationUrl: string }> {
    const unit = await this.mayConnect(user, unitCode);
    const provider = this.connectors.providerOf(channel);
    if (!provider) throw ProblemException.unprocessable('connect_not_oauth', `${channel} is not connected by OAuth: give its credentials (Telegram: botToken and chatId).`);
    const connector = this.connectors.forProvider(provider);
    const state = this.oauth.newState();
    const codeVerifier = this.oauth.newCodeVerifier();
    const redirectUri = this.callbackUrl(provider);
    let url: URL;
    try {
      url = await connector.authorizationUrl!({ state, codeVerifier, redirectUri, channel: channel as Channel });
    } catch (error) {
      throw this.problem(error);
    }
    await this.repository.createAttempt({
      state, provider, unitId: unit.id, channel, userId: user.id, expiresAt: new Date(this.clock.now().getTime() + ATTEMPT_TTL_MS),
      sealedVerifier: this.box.seal(codeVerifier, `oauth_attempt:${hashState(state)}`),
    });
    return { authorizationUrl: url.toString() };
  }

  /** The platform sent the officer back: checks state (once), exchanges the code, stores the account. */
  async callback(user: AuthUser, provider: OAuthProvider, callback: URL): Promise<CallbackResult> {
    const state = callback.searchParams.get('state') ?? '';
    const attempt = state ? await this.repository.useAttempt(state, provider, user.id, this.clock.now()) : null;
    if (!attempt) throw new ConnectionError('state_invalid', 'unknown, expired or used state');
    const connector = this.connectors.forProvider(provider);
    try {
      const codeVerifier = this.box.open(attempt.code_verifier_sealed, `oauth_attempt:${hashState(state)}`);
      const done = await connector.complete!(callback, { state, codeVerifier, redirectUri: this.callbackUrl(provider), channel: attempt.channel as Channel });
      if (done.kind === 'choose') {
        const sealed = this.box.seal(JSON.stringify(done.sealedChoices), `oauth_attempt_choices:${attempt.id}`);
        await this.repository.finishAttempt(attempt.id, 'choose', sealed);
        return { kind: 'choose', attemptId: attempt.id, unitCode: attempt.unit_code, channel: attempt.channel, choices: done.choices };
      }
      const released = await this.store(user, attempt.unit_id, attempt.unit_code, attempt.channel, done.account, 'oauth');
      await this.repository.finishAttempt(attempt.id, 'connected');
      return { kind: 'connected', unitCode: attempt.unit_code, channel: attempt.channel, handle: done.account.handle, released };
    } catch (error) {
      await this.repository.finishAttempt(attempt.id, error instanceof ConnectionError ? error.code : 'error');
      throw error;
    }
  }

  /** The Pages a pending Facebook attempt found, for the officer to pick. */
  async choices(user: AuthUser, attemptId: string): Promise<{ unitCode: string; channel: string; choices: PageChoice[] }> {
    const attempt = await this.repository.peekChoices(attemptId, user.id, this.clock.now());
    if (!attempt?.choices_sealed) throw ProblemException.notFound('Connection attempt');
    const sealed = JSON.parse(this.box.open(attempt.choices_sealed, `oauth_attempt_choices:${attempt.id}`)) as Credentials[];
    const choices = sealed.map((c) => ({ id: c.pageId, name: c.pageName ?? c.pageId, instagram: c.igUserId ? { id: c.igUserId, username: c.igUsername || null } : null }));
    return { unitCode: attempt.unit_code, channel: attempt.channel, choices };
  }

  async choose(user: AuthUser, attemptId: string, pageId: string): Promise<CallbackResult> {
    const attempt = await this.repository.takeChoices(attemptId, user.id, this.clock.now());
    if (!attempt?.choices_sealed) throw ProblemException.notFound('Connection attempt');
    const sealed = JSON.parse(this.box.open(attempt.choices_sealed, `oauth_attempt_choices:${attempt.id}`)) as Credentials[];
    const choice = sealed.find((c) => c.pageId === pageId);
    if (!choice) throw ProblemException.validation([{ field: 'pageId', message: 'not one of the Pages found' }]);
    const account = this.connectors.forProvider('facebook').choose!(attempt.channel as Channel, choice);
    const released = await this.store(user, attempt.unit_id, attempt.unit_code, attempt.channel, account, 'oauth');
    return { kind: 'connected', unitCode: attempt.unit_code, channel: attempt.channel, handle: account.handle, released };
  }

  /** Pasted credentials (self-managed apps): verified against the platform like an OAuth connection, then stored. */
  async connectPasted(user: AuthUser, unitCode: string, channel: string, credentials: Credentials): Promise<{ handle: string | null; released: number }> {
    const unit = await this.mayConnect(user, unitCode);
    const connector = this.connectors.forChannel(channel);
    if (!connector) throw ProblemException.unprocessable('channel_mode_unsupported', `${channel} has no API connection.`);
    let account: ConnectedAccount;
    try {
      account = await connector.verifyPasted(channel, credentials);
    } catch (error) {
      throw this.problem(error);
    }
    const released = await this.store(user, unit.id, unitCode, channel, account, 'pasted');
    return { handle: account.handle, released };
  }

  /** Whether pasted credentials of this channel are verified here (the channel-accounts API delegates to connectPasted). */
  verifiesPasted(channel: string): boolean {
    return (CONNECTABLE_CHANNELS as readonly string[]).includes(channel);
  }

  /** The admin allows (or not) a unit's own humas to connect its accounts. */
  async allowHumas(user: AuthUser, unitCode: string, allowed: boolean): Promise<void> {
    const unit = await this.scope.requireUnit(user, unitCode);
    await this.db.transaction(async (manager) => {
      await this.repository.setHumasMayConnect(manager, unit.id, allowed);
      await this.audit.record({ actorId: user.id, action: 'unit.humas_may_connect', subjectType: 'unit', subjectId: unitCode, unitId: unit.id, to: String(allowed) }, manager);
    });
  }

  /** Turns a ConnectionError into the API's problem (422 with the stable code; 502 when the platform could not be reached). */
  problem(error: unknown): unknown {
    if (!(error instanceof ConnectionError)) return error;
    const status = error.code === 'provider_unreachable' || error.code === 'provider_error' ? 502 : error.code === 'not_configured' ? 503 : 422;
    return new ProblemException({ status, code: error.code, title: 'Connection failed', detail: `${error.officerMessage} (${error.detail})` });
  }

  private async store(user: AuthUser, unitId: string, unitCode: string, channel: string, account: ConnectedAccount, method: 'oauth' | 'pasted'): Promise<number> {
    return this.db.transaction(async (manager: EntityManager) => {
      const now = this.clock.now();
      const sealed = this.tokens.seal(unitId, channel, account.credentials);
      await this.repository.saveConnected(manager, { unitId, channel, account, sealed, method, userId: user.id, now });
      const released = await this.repository.releaseHeld(manager, unitId, channel, now);
      await this.audit.record({
        actorId: user.id, action: 'channel_account.connect', subjectType: 'channel_account', subjectId: `${unitCode}:${channel}`, unitId,
        details: { method, handle: account.handle, credentialFields: Object.keys(account.credentials), released: released.length },
      }, manager);
      for (const p of released) {
        await this.audit.record({ actorId: user.id, action: 'publication.resumed', subjectType: 'story', subjectId: p.story_id, unitId, from: 'awaiting_reconnect', to: 'scheduled', details: { channel, publicationId: p.id } }, manager);
      }
      return released.length;
    });
  }

  /** Admins everywhere; a humas officer only for their own unit, and only where the admin allowed it. */
  private async mayConnect(user: AuthUser, unitCode: string) {
    const unit = await this.scope.requireUnit(user, unitCode);
    if (user.role === 'admin') return unit;
    if (user.role === 'humas' && user.unitId === unit.id && (await this.repository.humasMayConnect(unit.id))) return unit;
    throw ProblemException.forbidden('connect_not_allowed', 'Only an admin connects this unit\'s accounts (or its own humas, when the admin allows it).');
  }
}
