import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import type { Role } from '../../users/user.entity';

/**
 * The account a process acts as when nobody logs in (the import CLI): an active user, with
 * its own role and scope. `tokenId` names the process since there is no token.
 */
export async function findActingUser(db: DataSource, username: string, tokenId: string): Promise<AuthUser | null> {
  const rows: { id: string; username: string; display_name: string; rank: string | null; role: Role; unit_id: string | null }[] = await db.query(
    `SELECT id, username, display_name, rank, role, unit_id FROM app_user WHERE lower(username) = lower($1) AND active`,
    [username],
  );
  const row = rows[0];
  if (!row) return null;
  return { id: row.id, username: row.username, displayName: row.display_name, rank: row.rank, role: row.role, unitId: row.unit_id, tokenId, via: 'bearer' };
}
