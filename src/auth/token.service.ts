import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import type { AuthUser } from '../common/auth/auth-user';
import { GAUNG_CONFIG, type GaungConfig } from '../config/gaung-config';
import type { Role } from '../users/user.entity';
import type { TokenKind } from './api-token.entity';
import { queryRows } from '../db/sql';
import { ProblemException } from '../common/problem/problem.exception';
import { ApiTokenRepository } from './api-token.repository';
import { hashToken, newTokenSecret } from './token-secrets';

/** Every API token expires: this many days when the creator names none, never more than API_TOKEN_MAX_DAYS. */
export const API_TOKEN_DEFAULT_DAYS = 90;
export const API_TOKEN_MAX_DAYS = 365;

export interface IssuedToken {
  id: string;
  name: string;
  kind: TokenKind;
  token: string;
  expiresAt: Date | null;
}

/** Don't write last_used_at on every request: once a minute per token is enough to see use. */
const TOUCH_INTERVAL_MS = 60_000;

interface TokenRow {
  token_id: string;
  last_used_at: Date | null;
  id: string;
  username: string;
  display_name: string;
  rank: string | null;
  role: Role;
  unit_id: string | null;
}

@Injectable()
export class TokenService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(GAUNG_CONFIG) private readonly config: GaungConfig,
    private readonly clock: Clock,
    private readonly lineage: ApiTokenRepository,
  ) {}

  /**
   * A named API token, made only from an interactive session: a token can no longer mint
   * tokens, so none outlives the credential that made it by being made from a short-lived token;
   * the session itself is bounded by API_TOKEN_MAX_DAYS, the longest any API token lives.
   * Revoking the session revokes the tokens it made (logging out does not: an integration's
   * token outlives the console visit that created it).
   */
  async issueApi(creator: AuthUser, name: string, expiresInDays = API_TOKEN_DEFAULT_DAYS): Promise<IssuedToken> {
    const parent = await this.lineage.credential(creator.tokenId);
    if (!parent || parent.kind !== 'session') {
      throw ProblemException.forbidden('session_required', 'API tokens are created from an interactive session (console or login), not with another API token.');
    }
    if (expiresInDays > API_TOKEN_MAX_DAYS) {
      throw ProblemException.validation([{ field: 'expiresInDays', message: `expiresInDays must be at most ${API_TOKEN_MAX_DAYS}` }]);
    }
    const issued = await this.issue(creator.id, 'api', name, new Date(this.clock.now().getTime() + expiresInDays * 86_400_000));
    await this.lineage.setParent(issued.id, creator.tokenId);
    return issued;
  }

  async issue(userId: string, kind: TokenKind, name: string, expiresAt: Date | null): Promise<IssuedToken> {
    const id = randomUUID();
    const token = newTokenSecret();
    await this.db.query(
      `INSERT INTO api_token (id, user_id, kind, name, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, userId, kind, name, hashToken(token), this.clock.now(), expiresAt],
    );
    return { id, name, kind, token, expiresAt };
  }

  issueSession(userId: string): Promise<IssuedToken> {
    const expiresAt = new Date(this.clock.now().getTime() + this.config.sessionTtlHours * 3_600_000);
    return this.issue(userId, 'session', 'session', expiresAt);
  }

  /** The caller a token belongs to, or null when it is unknown, revoked, expired or its user inactive. */
  async authenticate(secret: string, via: AuthUser['via']): Promise<AuthUser | null> {
    if (!/^gng_[A-Za-z0-9_-]{43}$/.test(secret)) return null;
    const now = this.clock.now();
    const rows: TokenRow[] = await this.db.query(
      `SELECT t.id AS token_id, t.last_used_at, u.id, u.username, u.display_name, u.rank, u.role, u.unit_id
         FROM api_token t JOIN app_user u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2) AND u.active`,
      [hashToken(secret), now],
    );
    const row = rows[0];
    if (!row) return null;
    if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > TOUCH_INTERVAL_MS) {
      await this.db.query(`UPDATE api_token SET last_used_at = $2 WHERE id = $1`, [row.token_id, now]);
    }
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      rank: row.rank,
      role: row.role,
      unitId: row.unit_id,
      tokenId: row.token_id,
      via,
    };
  }

  /** Revokes a token of this user (or of anyone, for an admin). Returns false when none matched. */
  async revoke(tokenId: string, by: AuthUser): Promise<{ userId: string } | null> {
    const rows = await queryRows<{ user_id: string }>(
      this.db,
      `UPDATE api_token SET revoked_at = $3
        WHERE id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR user_id = $2)
        RETURNING user_id`,
      [tokenId, by.role === 'admin' ? null : by.id, this.clock.now()],
    );
    if (!rows[0]) return null;
    await this.lineage.revokeDescendants(tokenId, this.clock.now());
    return { userId: rows[0].user_id };
  }

  /** Ends a session on logout; the API tokens it made stay (they expire or are revoked by themselves). */
  async endSession(tokenId: string, by: AuthUser): Promise<void> {
    await this.db.query(`UPDATE api_token SET revoked_at = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL`, [tokenId, by.id, this.clock.now()]);
  }

  async revokeAllOf(userId: string): Promise<void> {
    await this.db.query(`UPDATE api_token SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL`, [userId, this.clock.now()]);
  }

  list(userId: string) {
    return this.db.query(
      `SELECT id, name, kind, created_at AS "createdAt", last_used_at AS "lastUsedAt", expires_at AS "expiresAt", revoked_at AS "revokedAt"
         FROM api_token WHERE user_id = $1 AND kind = 'api' ORDER BY created_at DESC LIMIT 200`,
      [userId],
    );
  }
}
