import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { queryRows } from '../../db/sql';

interface DeliveryRow {
  signature: string;
}

/** The signed webhook requests seen within the freshness window (replay refusal across instances). */
@Injectable()
export class WebhookDeliveryRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Records a signed request; false when the same signature of the same integration was recorded
   * before (a replay). Rows older than `forgetBefore` go first: their timestamps are no longer
   * fresh, so the signature check already refuses them.
   */
  async recordFirstSighting(integrationId: string, signatureHex: string, now: Date, forgetBefore: Date): Promise<boolean> {
    await this.db.query(`DELETE FROM webhook_delivery WHERE seen_at < $1`, [forgetBefore]);
    const inserted = await queryRows<DeliveryRow>(this.db,
      `INSERT INTO webhook_delivery (integration_id, signature, seen_at) VALUES ($1, $2, $3)
       ON CONFLICT (integration_id, signature) DO NOTHING RETURNING signature`,
      [integrationId, signatureHex.toLowerCase(), now]);
    return inserted.length === 1;
  }
}
