import type { Response } from 'express';
import type { GaungConfig } from '../config/gaung-config';

export const SESSION_COOKIE = 'gaung_session';

/** The console's session cookie: httpOnly (no script reads it), SameSite=Lax, Secure behind https. */
export function setSessionCookie(response: Response, config: GaungConfig, token: string, expiresAt: Date | null): void {
  response.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicBaseUrl.startsWith('https://'),
    path: '/',
    expires: expiresAt ?? undefined,
  });
}

export function clearSessionCookie(response: Response, config: GaungConfig): void {
  response.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicBaseUrl.startsWith('https://'),
    path: '/',
  });
}
