import { HANDLE_CHANNELS } from '../../../units/unit.entity';
import type { FormBody } from '../../console-form';
import { single } from '../forms/form-input';

/**
 * Admin forms as the bodies of the matching API calls (units, users, channel accounts). Only
 * shapes change here (text -> list, number, nested object); the DTOs decide what is valid.
 */

const text = (form: FormBody, name: string) => single(form, name).trim();

/** "#PolriPresisi #Jaksel, #Presisi" -> ['#PolriPresisi', '#Jaksel', '#Presisi']. */
export function hashtagList(value: string): string[] {
  return value.split(/[\s,]+/).map((t) => t.trim()).filter(Boolean);
}

/** Whole numbers stay numbers; anything else stays text for the DTO to refuse by name. */
function numberOrText(value: string): number | string {
  return /^-?\d{1,9}$/.test(value) ? Number(value) : value;
}

/** The handles sub-form: every field sent, blanks left out (so clearing a field clears the handle). */
function handles(form: FormBody): Record<string, string> {
  return Object.fromEntries(HANDLE_CHANNELS.map((c) => [c, text(form, `handles.${c}`)]).filter(([, v]) => v !== ''));
}

/** The unit fields both create and update take. */
export function unitBody(form: FormBody, mode: 'create' | 'update'): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const names = mode === 'create'
    ? ['code', 'name', 'level', 'parentCode', 'city', 'timezone', 'approvalPolicy']
    : ['name', 'city', 'timezone', 'approvalPolicy'];
  for (const name of names) {
    const value = text(form, name);
    if (value !== '') body[name] = value;
  }
  body.handles = handles(form);
  body.hashtags = hashtagList(text(form, 'hashtags'));
  const sla = text(form, 'reviewSlaHours');
  if (sla !== '') body.reviewSlaHours = numberOrText(sla);
  return body;
}

export function userBody(form: FormBody): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const name of ['username', 'displayName', 'rank', 'role', 'unitCode']) {
    const value = text(form, name);
    if (value !== '') body[name] = value;
  }
  // a password is taken exactly as typed (spaces count)
  const password = single(form, 'password');
  if (password !== '') body.password = password;
  return body;
}

/**
 * A channel account: mode and handle, and credentials only when some were typed (write-only:
 * leaving them blank keeps the stored ones, as the API does when credentials are omitted).
 * Credential fields are posted as `credentials.<name>`.
 */
export function channelAccountBody(form: FormBody): Record<string, unknown> {
  const body: Record<string, unknown> = { mode: text(form, 'mode') };
  const handle = text(form, 'handle');
  if (handle !== '') body.handle = handle;
  const credentials = Object.fromEntries(
    Object.keys(form)
      .filter((k) => k.startsWith('credentials.'))
      .map((k) => [k.slice('credentials.'.length), single(form, k).trim()] as const)
      .filter(([, v]) => v !== ''),
  );
  if (Object.keys(credentials).length > 0) body.credentials = credentials;
  return body;
}

/** The credential fields each channel takes (see PutChannelAccountDto), by mode. */
export const CREDENTIAL_FIELDS: Record<string, { api: string[]; webhook: string[] }> = {
  x: { api: ['accessToken'], webhook: ['url', 'secret'] },
  facebook: { api: ['pageId', 'pageAccessToken'], webhook: ['url', 'secret'] },
  instagram: { api: ['igUserId', 'accessToken'], webhook: ['url', 'secret'] },
  telegram: { api: ['botToken', 'chatId'], webhook: ['url', 'secret'] },
  tiktok: { api: [], webhook: ['url', 'secret'] },
  whatsapp: { api: [], webhook: ['url', 'secret'] },
};
