import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import type { AuthUser } from '../common/auth/auth-user';
import { ProblemException } from '../common/problem/problem.exception';
import { queryRows } from '../db/sql';
import { GAUNG_CONFIG, type GaungConfig } from '../config/gaung-config';
import type { Role } from '../users/user.entity';
import { LOCKOUT } from './login-lockout';
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
  locked_until: Date | null;
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
  ) {}

  async login(username: string, password: string): Promise<LoginResult> {
    const rows: LoginRow[] = await this.db.query(
      `SELECT u.id, u.username, u.display_name, u.rank, u.role, u.unit_id, un.code AS unit_code, u.password_hash, u.locked_until
         FROM app_user u LEFT JOIN unit un ON un.id = u.unit_id
        WHERE lower(u.username) = lower($1) AND u.active`,
      [username],
    );
    const user = rows[0];
    if (!user) {
      // Same work and same answer as a wrong password: no way to tell which usernames exist.
      await this.hasher.burnTime(password);
      throw INVALID();
    }
    const now = this.clock.now();
    if (user.locked_until && user.locked_until > now) throw this.locked(user.locked_until, now);

    if (!(await this.hasher.verify(user.password_hash, password))) {
      const lockedUntil = await this.recordFailure(user.id, now);
      if (lockedUntil) throw this.locked(lockedUntil, now);
      throw INVALID();
    }

    await this.db.query(
      `UPDATE app_user SET failed_logins = 0, first_failed_at = NULL, locked_until = NULL WHERE id = $1`,
      [user.id],
    );
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
    await this.tokens.revoke(user.tokenId, user);
    await this.audit.record({ actorId: user.id, action: 'auth.logout', subjectType: 'user', subjectId: user.id, unitId: user.unitId });
  }

  /**
   * Counts a failure in one atomic UPDATE (concurrent attempts cannot slip past the limit) and
   * returns the lock end when this failure locked the account.
   */
  private async recordFailure(userId: string, now: Date): Promise<Date | null> {
    const windowStart = new Date(now.getTime() - LOCKOUT.windowMs);
    const lockUntil = new Date(now.getTime() + LOCKOUT.lockMs);
    const [row] = await queryRows<{ failed_logins: number; locked_until: Date | null; unit_id: string | null }>(
      this.db,
      `UPDATE app_user SET
          failed_logins   = CASE WHEN first_failed_at IS NULL OR first_failed_at < $2 THEN 1 ELSE failed_logins + 1 END,
          first_failed_at = CASE WHEN first_failed_at IS NULL OR first_failed_at < $2 THEN $3 ELSE first_failed_at END,
          locked_until    = CASE WHEN first_failed_at >= $2 AND failed_logins + 1 >= $4 THEN $5::timestamptz ELSE NULL END
        WHERE id = $1
        RETURNING failed_logins, locked_until, unit_id`,
      [userId, windowStart, now, LOCKOUT.maxFailures, lockUntil],
    );
    await this.audit.record({
      actorId: null,
      action: row.locked_until ? 'auth.locked' : 'auth.login_failed',
      subjectType: 'user',
      subjectId: userId,
      unitId: row.unit_id,
      details: { failures: row.failed_logins },
    });
    return row.locked_until;
  }

  private locked(until: Date, now: Date): ProblemException {
    const seconds = (until.getTime() - now.getTime()) / 1000;
    return ProblemException.tooManyRequests(
      'account_locked',
      `Too many failed logins; the account is locked for ${Math.ceil(seconds / 60)} more minute(s).`,
      seconds,
    );
  }
}
