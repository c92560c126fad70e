import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { queryRows } from '../db/sql';
import type { TokenKind } from './api-token.entity';

export interface CredentialRow {
  kind: TokenKind;
  expires_at: Date | null;
}

/** Token lineage: which credential made which token, and revocation down that line. */
@Injectable()
export class ApiTokenRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async credential(tokenId: string): Promise<CredentialRow | null> {
    const [row] = await queryRows<CredentialRow>(this.db, `SELECT kind, expires_at FROM api_token WHERE id = $1 AND revoked_at IS NULL`, [tokenId]);
    return row ?? null;
  }

  async setParent(tokenId: string, parentId: string): Promise<void> {
    await this.db.query(`UPDATE api_token SET parent_id = $2 WHERE id = $1`, [tokenId, parentId]);
  }

  /** Revokes every token made by `tokenId`, and by those, down the line; returns how many. */
  async revokeDescendants(tokenId: string, at: Date): Promise<number> {
    const rows = await queryRows<{ id: string }>(this.db,
      `WITH RECURSIVE line AS (
         SELECT id FROM api_token WHERE parent_id = $1
         UNION SELECT t.id FROM api_token t JOIN line ON t.parent_id = line.id)
       UPDATE api_token SET revoked_at = $2 WHERE id IN (SELECT id FROM line) AND revoked_at IS NULL RETURNING id`,
      [tokenId, at]);
    return rows.length;
  }
}
