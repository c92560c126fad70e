import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '../../db/sql';

/** One unit and channel of the registry (an account or its absence). */
export interface RegistryRow {
  unit_id: string;
  unit_code: string;
  unit_name: string;
  level: string;
  channel: string;
  handle: string | null;
  mode: string | null;
  state: string | null;
  state_reason: string | null;
  connection_method: string | null;
  verified: boolean | null;
  verified_source: string | null;
  verified_checked_at: Date | null;
  last_post_at: Date | null;
}

/** The SQL of the official accounts registry (/akun-resmi). */
@Injectable()
export class OfficialAccountsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Every unit under `rootId` (null: every unit) with each registry channel: the account (its
   * handle, or the handle noted on the unit), its connection state and badge, and its last
   * published post.
   */
  rows(rootId: string | null, channels: readonly string[]): Promise<RegistryRow[]> {
    return queryRows<RegistryRow>(this.db,
      `SELECT u.id AS unit_id, u.code AS unit_code, u.name AS unit_name, u.level, c.channel,
              COALESCE(a.handle, NULLIF(u.handles ->> c.channel, '')) AS handle, a.mode, a.state, a.state_reason, a.connection_method,
              a.verified, a.verified_source, a.verified_checked_at,
              (SELECT max(p.published_at) FROM publication p JOIN story s ON s.id = p.story_id
                WHERE s.unit_id = u.id AND p.channel = c.channel AND p.status = 'published') AS last_post_at
         FROM unit u CROSS JOIN unnest($1::text[]) WITH ORDINALITY AS c(channel, position)
         LEFT JOIN channel_account a ON a.unit_id = u.id AND a.channel = c.channel
        WHERE ($2::uuid IS NULL OR u.path @> ARRAY[$2::uuid])
        ORDER BY cardinality(u.path), u.code, c.position`,
      [channels, rootId],
    );
  }

  /** An admin's check of the badge (the platform's API does not say), with the date. */
  async markVerified(manager: EntityManager, unitId: string, channel: string, verified: boolean, at: Date): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(manager,
      `UPDATE channel_account SET verified = $3, verified_source = 'admin', verified_checked_at = $4 WHERE unit_id = $1 AND channel = $2 RETURNING id`,
      [unitId, channel, verified, at]);
    return rows.length > 0;
  }
}
