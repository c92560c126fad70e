import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { queryRows } from '../db/sql';
import { LOGIN_THROTTLE } from './login-throttle';

interface ThrottleRow {
  failures: number;
  blocked_until: Date | null;
}

/** The login_throttle table (see login-throttle.ts for the policy). */
@Injectable()
export class LoginThrottleRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** When the pair may try again, if it must wait now. */
  async blockedUntil(key: string, now: Date): Promise<Date | null> {
    const [row] = await queryRows<ThrottleRow>(this.db, `SELECT failures, blocked_until FROM login_throttle WHERE key = $1`, [key]);
    return row?.blocked_until && row.blocked_until > now ? row.blocked_until : null;
  }

  /**
   * Counts a failure and starts its wait in one atomic statement (concurrent attempts cannot
   * slip past the count); the wait is delayAfter(failures), written out in SQL.
   */
  async recordFailure(key: string, now: Date): Promise<ThrottleRow> {
    await this.db.query(`DELETE FROM login_throttle WHERE last_failed_at < $1`, [new Date(now.getTime() - 86_400_000)]);
    const { freeFailures, firstDelayMs, maxDelayMs, quietMs } = LOGIN_THROTTLE;
    const [row] = await queryRows<ThrottleRow>(this.db,
      `WITH counted AS (
         SELECT CASE WHEN t.last_failed_at IS NULL OR t.last_failed_at < $3 THEN 1 ELSE t.failures + 1 END AS failures
           FROM (SELECT 1) one LEFT JOIN login_throttle t ON t.key = $1)
       INSERT INTO login_throttle AS t (key, failures, last_failed_at, blocked_until)
       SELECT $1, c.failures, $2, CASE WHEN c.failures >= $4 THEN $2::timestamptz + LEAST($5 * power(2, LEAST(c.failures - $4, 20)), $6) * interval '1 millisecond' END
         FROM counted c
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.last_failed_at < $3 THEN 1 ELSE t.failures + 1 END,
         last_failed_at = EXCLUDED.last_failed_at,
         blocked_until = CASE WHEN (CASE WHEN t.last_failed_at < $3 THEN 1 ELSE t.failures + 1 END) >= $4
           THEN EXCLUDED.last_failed_at + LEAST($5 * power(2, LEAST((CASE WHEN t.last_failed_at < $3 THEN 1 ELSE t.failures + 1 END) - $4, 20)), $6) * interval '1 millisecond' END
       RETURNING failures, blocked_until`,
      [key, now, new Date(now.getTime() - quietMs), freeFailures, firstDelayMs, maxDelayMs]);
    return row;
  }

  async forget(key: string): Promise<void> {
    await this.db.query(`DELETE FROM login_throttle WHERE key = $1`, [key]);
  }
}
