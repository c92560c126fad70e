import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { AuthUser } from '../common/auth/auth-user';
import { IS_PUBLIC, ROLES } from '../common/auth/auth.decorators';
import { ProblemException } from '../common/problem/problem.exception';
import { GAUNG_CONFIG, type GaungConfig } from '../config/gaung-config';
import type { Role } from '../users/user.entity';
import { SESSION_COOKIE } from './session-cookie';
import { csrfTokenFor, safeEqual } from './token-secrets';
import { TokenService } from './token.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

type GuardedRequest = Request & { user?: AuthUser; cookies?: Record<string, string> };

/**
 * Global guard: every route needs an authenticated caller unless marked @Public(), and the
 * caller's role must be listed by @Roles() when present (admins pass every role check).
 * Cookie sessions must also send their CSRF token on state-changing requests.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    @Inject(GAUNG_CONFIG) private readonly config: GaungConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const request = context.switchToHttp().getRequest<GuardedRequest>();

    const user = await this.identify(request, isPublic);
    if (user) request.user = user;
    if (isPublic) return true;
    if (!user) throw ProblemException.unauthorized();

    if (user.via === 'cookie' && !SAFE_METHODS.has(request.method)) this.checkCsrf(request, user);

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && user.role !== 'admin' && !roles.includes(user.role)) {
      throw ProblemException.forbidden('role_forbidden', roleRequirement(roles));
    }
    return true;
  }

  private async identify(request: GuardedRequest, isPublic: boolean): Promise<AuthUser | null> {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer ([^\s]+)$/i.exec(header);
      const user = match ? await this.tokens.authenticate(match[1], 'bearer') : null;
      // A wrong token is an error even on a public route: the client believes it is signed in.
      if (!user && !isPublic) throw ProblemException.unauthorized('invalid_token', 'The bearer token is invalid, expired or revoked.');
      return user;
    }
    const cookie = request.cookies?.[SESSION_COOKIE];
    return cookie ? this.tokens.authenticate(cookie, 'cookie') : null;
  }

  private checkCsrf(request: GuardedRequest, user: AuthUser): void {
    const sent = request.header(CSRF_HEADER) ?? (request.body as { _csrf?: unknown } | undefined)?._csrf;
    const expected = csrfTokenFor(this.config.secretKey!, user.tokenId);
    if (typeof sent !== 'string' || !safeEqual(sent, expected)) {
      throw ProblemException.forbidden('csrf_failed', `Cookie sessions must send the CSRF token in the ${CSRF_HEADER} header.`);
    }
  }
}

/** "This action needs the role admin." / "...one of the roles: admin, humas." (admins always pass, each role named once). */
export function roleRequirement(roles: readonly string[]): string {
  const named = [...new Set(['admin', ...roles])];
  return named.length === 1 ? `This action needs the role ${named[0]}.` : `This action needs one of the roles: ${named.join(', ')}.`;
}
