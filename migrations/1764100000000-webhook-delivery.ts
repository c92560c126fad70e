import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed webhook requests already accepted, by their signature, for as long as their timestamp
 * is fresh: the same signed request sent again within the window is a replay (409), whichever
 * instance it reaches (the primary key decides). Rows older than the window are deleted as new
 * ones arrive.
 */
export class WebhookDelivery1764100000000 implements MigrationInterface {
  name = 'WebhookDelivery1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE webhook_delivery (
        integration_id uuid NOT NULL REFERENCES intake_integration (id) ON DELETE CASCADE,
        -- the hex HMAC the sender put in X-Gaung-Signature (it covers the timestamp and the body)
        signature      char(64) NOT NULL,
        seen_at        timestamptz NOT NULL,
        PRIMARY KEY (integration_id, signature)
      )`);
    await db.query(`CREATE INDEX webhook_delivery_seen_idx ON webhook_delivery (seen_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE webhook_delivery`);
  }
}
