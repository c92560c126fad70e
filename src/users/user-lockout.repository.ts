import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../db/sql';

/** Clearing a lockout (failed logins counted by the auth module's login-lockout). */
@Injectable()
export class UserLockoutRepository {
  /** Returns whether the user was locked or had failures counted. */
  async clear(manager: EntityManager, userId: string): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(manager,
      `UPDATE app_user SET failed_logins = 0, first_failed_at = NULL, locked_until = NULL, updated_at = now()
        WHERE id = $1 AND (locked_until IS NOT NULL OR failed_logins > 0) RETURNING id`,
      [userId],
    );
    return rows.length > 0;
  }
}
