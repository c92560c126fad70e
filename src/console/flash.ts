import type { Request, Response } from 'express';

/** A one-time message shown on the next page after a POST -> 303 -> GET (PRG). */
export interface Flash {
  kind: 'success' | 'error' | 'info';
  text: string;
}

export const FLASH_COOKIE = 'gaung_flash';

/**
 * Kept in a short-lived cookie: no server state, and a forged cookie can only show its owner a
 * message, which the layout escapes like every other text.
 */
export function setFlash(response: Response, flash: Flash): void {
  response.cookie(FLASH_COOKIE, JSON.stringify({ kind: flash.kind, text: flash.text.slice(0, 500) }), {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: 60_000,
  });
}

/** Reads and clears the flash (the page that shows it is the last to see it). */
export function takeFlash(request: Request, response: Response): Flash | null {
  const raw = (request as Request & { cookies?: Record<string, string> }).cookies?.[FLASH_COOKIE];
  if (!raw) return null;
  response.clearCookie(FLASH_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/' });
  try {
    const value = JSON.parse(raw) as Partial<Flash>;
    if (typeof value.text !== 'string' || !['success', 'error', 'info'].includes(value.kind as string)) return null;
    return { kind: value.kind as Flash['kind'], text: value.text.slice(0, 500) };
  } catch {
    return null;
  }
}

/** POST -> 303 -> GET with a message. */
export function redirectWithFlash(response: Response, location: string, flash?: Flash): void {
  if (flash) setFlash(response, flash);
  response.redirect(303, location);
}

/**
 * A redirect target from user input (`next`, the Referer): only a path on this site, never
 * `//host` or a scheme, so a login link cannot send the officer elsewhere.
 */
export function safeLocalPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (value.length > 1000 || /[\r\n]/.test(value)) return fallback;
  return value;
}
