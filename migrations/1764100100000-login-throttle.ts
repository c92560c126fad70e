import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed logins per (username, client address), replacing the account-wide lockout: five
 * anonymous bad passwords locked any officer out for 15 minutes, and unknown usernames never
 * locked, which told an attacker which accounts exist. A row exists for any username typed,
 * known or not; `key` is a SHA-256 of the lower-cased username and the address (neither is
 * stored in clear). Rows idle for a day are deleted as new failures arrive.
 */
export class LoginThrottle1764100100000 implements MigrationInterface {
  name = 'LoginThrottle1764100100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE login_throttle (
        key            char(64) PRIMARY KEY,
        failures       integer NOT NULL,
        last_failed_at timestamptz NOT NULL,
        blocked_until  timestamptz
      )`);
    await db.query(`CREATE INDEX login_throttle_last_failed_idx ON login_throttle (last_failed_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE login_throttle`);
  }
}
