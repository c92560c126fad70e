import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user';

export interface ActivePauseRow {
  unitName: string | null;
  reason: string;
  pausedAt: Date;
  timezone: string | null;
  /** The officer's own unit is inside the paused subtree (else a unit below them is paused). */
  own: boolean;
}

/** The publishing pauses a signed-in officer is affected by, for the banner on every console page. */
@Injectable()
export class PauseBannerRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Pauses of everything, of the officer's unit or a unit above it (their own publishing stops),
   * or of a unit below it (part of what they look after stops). An admin sees every pause.
   */
  active(user: Pick<AuthUser, 'role' | 'unitId'>): Promise<ActivePauseRow[]> {
    if (user.role === 'admin' || !user.unitId) {
      return this.db.query(
        `SELECT u.name AS "unitName", p.reason, p.paused_at AS "pausedAt", u.timezone, true AS own
           FROM publishing_pause p LEFT JOIN unit u ON u.id = p.unit_id WHERE p.resumed_at IS NULL ORDER BY p.paused_at LIMIT 20`,
      );
    }
    return this.db.query(
      `SELECT u.name AS "unitName", p.reason, p.paused_at AS "pausedAt", u.timezone,
              (p.unit_id IS NULL OR p.unit_id = ANY(me.path)) AS own
         FROM publishing_pause p LEFT JOIN unit u ON u.id = p.unit_id JOIN unit me ON me.id = $1
        WHERE p.resumed_at IS NULL AND (p.unit_id IS NULL OR p.unit_id = ANY(me.path) OR $1::uuid = ANY(u.path))
        ORDER BY p.paused_at LIMIT 20`,
      [user.unitId],
    );
  }
}
