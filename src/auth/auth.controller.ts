import { Body, Delete, Get, HttpCode, Inject, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiController } from '../common/http/api-controller';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Public } from '../common/auth/auth.decorators';
import { uuidParam } from '../common/http/params';
import { ProblemException } from '../common/problem/problem.exception';
import { GAUNG_CONFIG, type GaungConfig } from '../config/gaung-config';
import { AuthService } from './auth.service';
import { clientAddress } from './client-address';
import { CreateTokenDto, LoginDto } from './dto/login.dto';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { TokenService } from './token.service';

@ApiController('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(GAUNG_CONFIG) private readonly config: GaungConfig,
  ) {}

  /** Returns a bearer token and sets the console's session cookie (the same session). */
  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard) // per-IP limit (LOGIN_RATE_PER_MINUTE); the per-username-and-address throttle is in AuthService
  async login(@Body() body: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const result = await this.auth.login(body.username, body.password, clientAddress(request));
    setSessionCookie(response, this.config, result.session.token, result.session.expiresAt);
    return {
      token: result.session.token,
      tokenType: 'Bearer',
      expiresAt: result.session.expiresAt,
      csrfToken: result.csrfToken,
      user: result.user,
    };
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) response: Response) {
    await this.auth.logout(user);
    clearSessionCookie(response, this.config);
  }

  @Get('me')
  me(@CurrentUser() user: AuthUser) {
    const { tokenId, via, ...who } = user;
    return { user: who, csrfToken: via === 'cookie' ? this.auth.csrfToken(tokenId) : undefined };
  }

  /** A named API token for integrations; the secret is in this answer only. */
  @Post('tokens')
  async createToken(@CurrentUser() user: AuthUser, @Body() body: CreateTokenDto) {
    const issued = await this.tokens.issueApi(user, body.name, body.expiresInDays);
    await this.audit.record({ actorId: user.id, action: 'api_token.create', subjectType: 'api_token', subjectId: issued.id, unitId: user.unitId });
    return { id: issued.id, name: issued.name, token: issued.token, expiresAt: issued.expiresAt };
  }

  @Get('tokens')
  async listTokens(@CurrentUser() user: AuthUser) {
    return { items: await this.tokens.list(user.id) };
  }

  @Delete('tokens/:id')
  @HttpCode(204)
  async revokeToken(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string) {
    const revoked = await this.tokens.revoke(id, user);
    if (!revoked) throw ProblemException.notFound('Token');
    await this.audit.record({ actorId: user.id, action: 'api_token.revoke', subjectType: 'api_token', subjectId: id, unitId: user.unitId });
  }
}
