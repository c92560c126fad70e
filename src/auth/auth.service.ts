import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import type { AuthUser } from '../common/auth/auth-user';
import { ProblemException } from '../common/problem/problem.exception';
import { GAUNG_CONFIG, type GaungConfig } from '../config/gaung-config';
import type { Role } from '../users/user.entity';
import { throttleKey } from './login-throttle';
import { LoginThrottleRepository } from './login-throttle.repository';
import { PasswordHasher } from './password-hasher';
import { csrfTokenFor } from './token-secrets';
import { TokenService, type IssuedToken } from './token.service';

interface LoginRow {
  id: string;
  username: string;
  display_name: string;
  rank: string | null;
  role: Role;
  unit_id: string | null;
  unit_code: string | null;
  password_hash: string;
}

export interface LoginResult {
  session: IssuedToken;
  csrfToken: string;
  user: { id: string; username: string; displayName: string; rank: string | null; role: Role; unitCode: string | null };
}

const INVALID = () => ProblemException.unauthorized('invalid_credentials', 'Username or password is wrong.');

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(GAUNG_CONFIG) private readonly config: GaungConfig,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly throttle: LoginThrottleRepository,
  ) {}

  /**
   * `clientAddress`: the caller's address (request.ip, which honours TRUST_PROXY). Failures are
   * throttled per username and address (login-throttle.ts); known and unknown usernames take the
   * same path, the same work and the same answers, and every failure and every throttled attempt
   * is audited.
   */
  async login(username: string, password: string, clientAddress: string): Promise<LoginResult> {
    const now = this.clock.now();
    const key = throttleKey(username, clientAddress);
    const rows: LoginRow[] = await this.db.query(
      `SELECT u.id, u.username, u.display_name, u.rank, u.role, u.unit_id, un.code AS unit_code, u.password_hash
         FROM app_user u LEFT JOIN unit un ON un.id = u.unit_id
        WHERE lower(u.username) = lower($1) AND u.active`,
      [username],
    );
    const user = rows[0];
    const attempt = { username, clientAddress, user };
    const waitUntil = await this.throttle.blockedUntil(key, now);
    if (waitUntil) {
      await this.auditAttempt('auth.throttled', attempt, {});
      throw this.throttled(waitUntil, now);
    }
    // Same work for an unknown user as for a wrong password: no way to tell which usernames exist.
    const valid = user ? await this.hasher.verify(user.password_hash, password) : (await this.hasher.burnTime(password), false);
    if (!user || !valid) {
      const failure = await this.throttle.recordFailure(key, now);
      await this.auditAttempt('auth.login_failed', attempt, { failures: failure.failures, ...(failure.blocked_until ? { waitUntil: failure.blocked_until.toISOString() } : {}) });
      throw INVALID();
    }

    await this.throttle.forget(key);
    const session = await this.tokens.issueSession(user.id);
    await this.audit.record({ actorId: user.id, action: 'auth.login', subjectType: 'user', subjectId: user.id, unitId: user.unit_id });
    return {
      session,
      csrfToken: this.csrfToken(session.id),
      user: { id: user.id, username: user.username, displayName: user.display_name, rank: user.rank, role: user.role, unitCode: user.unit_code },
    };
  }

  csrfToken(sessionId: string): string {
    return csrfTokenFor(this.config.secretKey!, sessionId);
  }

  async logout(user: AuthUser): Promise<void> {
    await this.tokens.endSession(user.tokenId, user);
    await this.audit.record({ actorId: user.id, action: 'auth.logout', subjectType: 'user', subjectId: user.id, unitId: user.unitId });
  }

  /**
   * A failed or throttled attempt, known username or not: who was tried (the account, or the
   * typed name when it looks like a username: a password typed into the name field is not kept),
   * from which address.
   */
  private async auditAttempt(action: string, attempt: { username: string; clientAddress: string; user?: LoginRow }, details: Record<string, unknown>): Promise<void> {
    const typed = /^[a-z0-9._-]{1,64}$/i.test(attempt.username) ? attempt.username.toLowerCase() : '(not a username)';
    await this.audit.record({
      actorId: null,
      action,
      subjectType: 'user',
      subjectId: attempt.user?.id ?? null,
      unitId: attempt.user?.unit_id ?? null,
      details: { ...details, username: typed, knownAccount: attempt.user !== undefined, clientAddress: attempt.clientAddress },
    });
  }

  private throttled(until: Date, now: Date): ProblemException {
    const seconds = (until.getTime() - now.getTime()) / 1000;
    return ProblemException.tooManyRequests(
      'login_throttled',
      `Too many failed logins for this username from this address; try again in ${Math.ceil(seconds)} second(s).`,
      seconds,
    );
  }
}
