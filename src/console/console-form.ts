import type { Response } from 'express';
import { createValidationPipe } from '../common/http/validation';
import { indonesianErrors } from '../common/http/field-messages';
import { ProblemException, type FieldError } from '../common/problem/problem.exception';
import { redirectWithFlash } from './flash';

const pipe = createValidationPipe();

/** A form body as the console posts it: every value a string (or repeated values). */
export type FormBody = Record<string, string | string[] | undefined>;

/**
 * Validates plain values with the API's own DTO class and the API's own pipe, so a console form
 * obeys exactly the rules of the matching API call. Throws ProblemException (400) per bad field.
 */
export async function validateAs<T extends object>(dto: new () => T, value: Record<string, unknown>, type: 'body' | 'query' = 'body'): Promise<T> {
  return (await pipe.transform(value, { type, metatype: dto })) as T;
}

/** Form fields without the CSRF token and without empty values (an empty select means "not chosen"). */
export function formFields(body: FormBody | undefined, keep: string[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of keep) {
    const value = body?.[key];
    if (value === undefined || value === '') continue;
    out[key] = value;
  }
  return out;
}

/** A value posted once or several times (checkboxes with one name), as a list. */
export const listOf = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The field errors of a problem in one line for a flash message (Indonesian summary, the fields named). */
export function describeProblem(error: ProblemException): string {
  const p = error.problem;
  // each field by its label, in Indonesian (field-messages.ts), never the API's English
  const fields = indonesianErrors(p.errors ?? ([] as FieldError[])).map((e) => e.message).join(' ');
  const prefix = PROBLEM_TEXT[p.code] ?? PROBLEM_TEXT[String(p.status)] ?? 'Tindakan tidak dapat dilakukan.';
  if (fields) return `${prefix} ${fields}`;
  // a refusal without words of ours yet keeps the service's reason rather than lose it
  return p.detail && !PROBLEM_TEXT[p.code] ? `${prefix} ${p.detail}` : prefix;
}

const PROBLEM_TEXT: Record<string, string> = {
  validation_failed: 'Isian belum benar.',
  illegal_transition: 'Tindakan ini tidak berlaku untuk status cerita sekarang.',
  stale_revision: 'Draf sudah diubah orang lain; muat ulang lalu sunting lagi.',
  story_locked: 'Cerita yang sudah disetujui atau terbit tidak dapat disunting.',
  lint_blocking: 'Draf masih memiliki kesalahan lint: perbaiki, keluarkan kanal tersebut, atau setujui dengan alasan pengecualian.',
  four_eyes: 'Prinsip empat mata: penulis cerita atau penyunting terakhir tidak boleh menyetujuinya.',
  not_your_approval: 'Persetujuan tahap ini menjadi wewenang Humas satuan lain.',
  not_approved: 'Hanya cerita yang sudah disetujui yang dapat dijadwalkan.',
  channel_not_approved: 'Kanal yang dipilih belum disetujui.',
  not_correctable: 'Hanya cerita yang masih draf atau dikembalikan yang datanya dapat dikoreksi.',
  not_author: 'Hanya penulis atau Humas yang dapat mengoreksi data ini.',
  not_locked: 'Akun ini tidak sedang terkunci.',
  already_removed: 'Posting ini sudah ditandai dihapus.',
  already_paused: 'Penerbitan di sana sudah dijeda.',
  not_paused: 'Penerbitan di sana tidak sedang dijeda.',
  no_consented_quote: 'Cerita ini tidak punya kutipan yang disetujui warga untuk diterbitkan.',
  template_invalid: 'Templat tidak dapat dirender.',
  self_deactivation: 'Anda tidak dapat menonaktifkan akun sendiri.',
  '400': 'Isian belum benar.',
  '409': 'Terjadi perubahan; muat ulang lalu coba lagi.',
  '422': 'Tindakan tidak dapat diproses.',
};

const FLASHED_STATUSES = [400, 409, 422];
/** Refusals of a rule rather than of the user's role: told on the page, not as an error page. */
const FLASHED_CODES = ['four_eyes', 'not_your_approval'];

/**
 * Runs a form's action and answers POST -> 303 -> GET: a success message, or the problem the
 * service raised (400/409/422, four eyes) as an error message on the same page. Other errors
 * (401, a role's 403, 404, 5xx) propagate to the console's error pages.
 */
export async function runFormAction<T>(response: Response, back: string, success: string | ((result: T) => string), action: () => Promise<T>): Promise<void> {
  let result: T;
  try {
    result = await action();
  } catch (error) {
    if (error instanceof ProblemException && (FLASHED_STATUSES.includes(error.problem.status) || FLASHED_CODES.includes(error.problem.code))) {
      redirectWithFlash(response, back, { kind: 'error', text: describeProblem(error) });
      return;
    }
    throw error;
  }
  redirectWithFlash(response, back, { kind: 'success', text: typeof success === 'string' ? success : success(result) });
}
