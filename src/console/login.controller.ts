import { randomBytes } from 'node:crypto';
import { Body, Get, Inject, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import { AuthService } from '../auth/auth.service';
import { clientAddress } from '../auth/client-address';
import { LoginDto } from '../auth/dto/login.dto';
import { clearSessionCookie, setSessionCookie } from '../auth/session-cookie';
import { safeEqual } from '../auth/token-secrets';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Public } from '../common/auth/auth.decorators';
import { AcceptsBody } from '../common/http/body-kind';
import { ProblemException } from '../common/problem/problem.exception';
import { GAUNG_CONFIG, type GaungConfig } from '../config/gaung-config';
import { ConsoleController } from './console-controller.decorator';
import { type FormBody, validateAs } from './console-form';
import { type ConsoleRequest, ConsoleView } from './console-view.service';
import { redirectWithFlash, safeLocalPath } from './flash';

/** Before there is a session, the login form is protected by a double-submit token in its own cookie. */
const LOGIN_CSRF_COOKIE = 'gaung_login_csrf';

@ConsoleController()
export class LoginController {
  constructor(
    private readonly view: ConsoleView,
    private readonly auth: AuthService,
    @Inject(GAUNG_CONFIG) private readonly config: GaungConfig,
  ) {}

  @Public()
  @Get('login')
  async form(@Req() request: ConsoleRequest, @Res() response: Response, @Query('next') next?: string, @Query('sesi') session?: string) {
    const target = safeLocalPath(next);
    const expired = session === 'habis';
    // A valid cookie session goes straight on: the login page is not a dead end for a signed-in officer.
    if (request.user?.via === 'cookie') return response.redirect(303, returnTo(target, expired));
    await this.show(request, response, target, null, 200, expired);
  }

  @Public()
  @Post('login')
  @AcceptsBody('form')
  @UseGuards(ThrottlerGuard) // the same per-address limit as the API login; the per-username-and-address throttle is in AuthService
  async login(@Req() request: ConsoleRequest, @Res() response: Response, @Body() body: FormBody) {
    const next = safeLocalPath(body?.next);
    const expired = body?.restore === '1';
    const cookie = (request as ConsoleRequest & { cookies?: Record<string, string> }).cookies?.[LOGIN_CSRF_COOKIE];
    if (typeof body?._csrf !== 'string' || !cookie || !safeEqual(body._csrf, cookie)) {
      return this.show(request, response, next, 'Formulir masuk kedaluwarsa. Silakan coba lagi.', 403, expired);
    }
    try {
      const dto = await validateAs(LoginDto, { username: body.username ?? '', password: body.password ?? '' });
      const result = await this.auth.login(dto.username, dto.password, clientAddress(request));
      setSessionCookie(response, this.config, result.session.token, result.session.expiresAt);
      response.clearCookie(LOGIN_CSRF_COOKIE, { path: '/login' });
      response.redirect(303, returnTo(next, expired));
    } catch (error) {
      if (!(error instanceof ProblemException)) throw error;
      const { status, code, headers } = error.problem;
      if (code === 'login_throttled') {
        const seconds = Math.max(1, Number(headers?.['Retry-After'] ?? 60));
        const wait = seconds < 60 ? `${seconds} detik` : `${Math.ceil(seconds / 60)} menit`;
        return this.show(request, response, next, `Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${wait}.`, 429, expired);
      }
      if (status === 400) return this.show(request, response, next, 'Isi nama pengguna dan kata sandi.', 400, expired);
      if (status === 401) return this.show(request, response, next, 'Nama pengguna atau kata sandi salah.', 401, expired);
      throw error;
    }
  }

  @Post('logout')
  @AcceptsBody('form')
  async logout(@CurrentUser() user: AuthUser, @Res() response: Response) {
    if (user.via === 'cookie') await this.auth.logout(user);
    clearSessionCookie(response, this.config);
    redirectWithFlash(response, '/login', { kind: 'info', text: 'Anda telah keluar.' });
  }

  /** The login page with a fresh login-form token. */
  async show(request: ConsoleRequest, response: Response, next: string, error: string | null, status: number, expired = false) {
    const token = randomBytes(24).toString('base64url');
    response.cookie(LOGIN_CSRF_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.publicBaseUrl.startsWith('https://'),
      path: '/login',
      maxAge: 30 * 60_000,
    });
    await this.view.send(request, response, 'login', { next: next === '/' ? '' : next, error, loginCsrf: token, expired }, { title: 'Masuk', status, anonymous: true });
  }
}

/** After a login that a lost session forced, the page the form was on, marked so its script puts the form back. */
function returnTo(next: string, expired: boolean): string {
  if (!expired) return next;
  const [path, query = ''] = next.split('?');
  const params = new URLSearchParams(query);
  params.set('pulihkan', '1');
  return `${path}?${params}`;
}
