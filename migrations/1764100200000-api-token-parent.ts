import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API tokens that outlived their parent: a 1-day token or a session minted non-expiring API
 * tokens that kept working after the parent was revoked. Every API token now records the session
 * that created it (revoking that session revokes them too) and has an expiry: those made without
 * one get a year from creation, and at least 30 days from now so that running integrations have
 * time to be given a new one.
 */
export class ApiTokenParent1764100200000 implements MigrationInterface {
  name = 'ApiTokenParent1764100200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE api_token ADD COLUMN parent_id uuid REFERENCES api_token (id)`);
    await db.query(`CREATE INDEX api_token_parent_idx ON api_token (parent_id) WHERE parent_id IS NOT NULL`);
    await db.query(
      `UPDATE api_token SET expires_at = GREATEST(created_at + interval '365 days', now() + interval '30 days')
        WHERE kind = 'api' AND expires_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE api_token DROP COLUMN parent_id`);
  }
}
