import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '../../users/user.entity';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'gaung:public';
export const ROLES = 'gaung:roles';

/** Marks a route as reachable without authentication (the allow-list; everything else is guarded). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Roles allowed on a route besides admin (admins may do everything, and are audited). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** The authenticated caller. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const request = ctx.switchToHttp().getRequest<{ user?: AuthUser }>();
  if (!request.user) throw new Error('CurrentUser used on a public route');
  return request.user;
});
