import type { Role } from '../../users/user.entity';

/** Who is calling, as the auth guard established it; attached to the request. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  rank: string | null;
  role: Role;
  /** Null only for admins (global scope). */
  unitId: string | null;
  tokenId: string;
  /** How the caller authenticated: cookie sessions need a CSRF token on unsafe methods. */
  via: 'bearer' | 'cookie';
}
