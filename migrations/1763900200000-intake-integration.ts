import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Complaint systems that push items through the signed webhook. The HMAC secret must be read
 * back to verify signatures, so it is stored sealed (AES-256-GCM under SECRET_KEY), not hashed.
 */
export class IntakeIntegration1763900200000 implements MigrationInterface {
  name = 'IntakeIntegration1763900200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE intake_integration (
        id             uuid PRIMARY KEY,
        name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        -- its scope: items may only be for this unit and the units below it
        unit_id        uuid NOT NULL REFERENCES unit (id),
        -- the account it acts as (its role decides which kinds it may send)
        user_id        uuid NOT NULL REFERENCES app_user (id),
        secret_sealed  text NOT NULL,
        active         boolean NOT NULL DEFAULT true,
        created_by     uuid REFERENCES app_user (id),
        created_at     timestamptz NOT NULL DEFAULT now(),
        deactivated_at timestamptz
      )`);
    await db.query(`CREATE INDEX intake_integration_user_idx ON intake_integration (user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE intake_integration`);
  }
}
