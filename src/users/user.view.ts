import type { Role } from './user.entity';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  rank: string | null;
  role: Role;
  unitCode: string | null;
  active: boolean;
  lockedUntil: Date | null;
  createdAt: Date;
}

/** Columns of UserView from `app_user usr` joined with `unit u`. */
export const USER_VIEW_COLUMNS = `usr.id, usr.username, usr.display_name AS "displayName", usr.rank, usr.role,
  u.code AS "unitCode", usr.active, usr.locked_until AS "lockedUntil", usr.created_at AS "createdAt"`;
