import { indonesianErrors } from '../../../common/http/field-messages';
import { ProblemException, type FieldError } from '../../../common/problem/problem.exception';
import type { UnitTimezone } from '../../../units/unit.entity';

/** What a urlencoded console form posts: flat names ("location.city", "stages[0].at"), repeated names as arrays. */
export type FlatForm = Record<string, string | string[] | undefined>;

/** Form plumbing that never reaches a DTO. */
const FORM_ONLY = new Set(['_csrf']);
/** Names that would reach an object's prototype while nesting ("constructor.prototype.x"): refused. */
const DANGEROUS = new Set(['__proto__', 'constructor', 'prototype']);
const SEGMENT = /^([A-Za-z][A-Za-z0-9]*)(?:\[(\d{1,2})\])?$/;

/** The first value of a field (a repeated name answers its first). */
export function single(form: FlatForm, name: string): string {
  const value = form[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

/** Every value of a repeated field (hidden mediaIds, checkbox lists), empty ones dropped. */
export function many(form: FlatForm, name: string): string[] {
  const value = form[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => v.trim()).filter((v) => v !== '');
}

/**
 * Builds the nested body a DTO expects from flat form names. Empty text means "not given" (an
 * optional field left blank is omitted, so the DTO's own rules decide whether it was required);
 * array rows whose fields are all blank are dropped. Names outside the simple grammar are kept
 * as they are, so the DTO's forbidNonWhitelisted refuses them by name.
 */
export function nestForm(form: FlatForm, arrays: readonly string[] = []): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(form)) {
    if (FORM_ONLY.has(name) || raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.map((v) => v.trim()).filter((v) => v !== '') : raw.trim();
    if (value === '' || (Array.isArray(value) && value.length === 0)) continue;
    const segments = name.split('.');
    if (segments.some((s) => DANGEROUS.has(s.replace(/\[\d*\]$/, '')))) {
      throw ProblemException.validation([{ field: name, message: 'this field name is not allowed' }]);
    }
    if (!segments.every((s) => SEGMENT.test(s))) {
      root[name] = value;
      continue;
    }
    let node: Record<string, unknown> = root;
    segments.forEach((segment, i) => {
      const [, key, index] = SEGMENT.exec(segment)!;
      const last = i === segments.length - 1;
      if (index === undefined) {
        if (last) node[key] = arrays.includes(name) && !Array.isArray(value) ? [value] : value;
        else node = (Object.hasOwn(node, key) && isRecord(node[key]) ? node[key] : (node[key] = {})) as Record<string, unknown>;
        return;
      }
      const list = (Object.hasOwn(node, key) && Array.isArray(node[key]) ? node[key] : (node[key] = [])) as Record<string, unknown>[];
      const row = isRecord(list[Number(index)]) ? list[Number(index)] : (list[Number(index)] = {});
      if (last) (list as unknown[])[Number(index)] = value;
      else node = row;
    });
  }
  return compactArrays(root) as Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Sparse rows (a blank row between filled ones) close up; row order is kept. */
function compactArrays(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined && v !== null).map(compactArrays);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compactArrays(v)]));
  }
  return value;
}

/** UTC offsets of the Indonesian zones (no daylight saving there). */
const OFFSETS: Record<UnitTimezone, string> = { 'Asia/Jakarta': '+07:00', 'Asia/Makassar': '+08:00', 'Asia/Jayapura': '+09:00' };
const LOCAL_INPUT = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/;

/**
 * A datetime-local value ("2026-11-10T07:45") read in the unit's zone, as the ISO instant the
 * DTOs take. Anything else is returned unchanged for the DTO to refuse with its own message.
 */
export function localToInstant(value: string, timezone: UnitTimezone): string {
  const match = LOCAL_INPUT.exec(value.trim());
  return match ? `${match[1]}T${match[2]}${match[3] ?? ':00'}${OFFSETS[timezone] ?? '+07:00'}` : value;
}

/** An instant shown back in a datetime-local input, in the unit's zone. */
export function instantToLocal(at: Date | string | null | undefined, timezone: UnitTimezone): string {
  if (!at) return '';
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return '';
  const offsetHours = Number((OFFSETS[timezone] ?? '+07:00').slice(0, 3));
  return new Date(date.getTime() + offsetHours * 3_600_000).toISOString().slice(0, 16);
}

/** Converts the named datetime fields of a flat form in place (also inside rows: "stages[].at"). */
export function convertLocalTimes(form: FlatForm, fields: readonly string[], timezone: UnitTimezone): FlatForm {
  const out: FlatForm = { ...form };
  for (const [name, value] of Object.entries(form)) {
    const generic = name.replace(/\[\d{1,2}\]/g, '[]');
    if (typeof value === 'string' && fields.includes(generic)) out[name] = localToInstant(value, timezone);
  }
  return out;
}

/** Field messages by form name, for showing each next to its input. */
export type FieldMessages = Record<string, string>;

export interface FormFailure {
  fields: FieldMessages;
  /** The whole-form message (e.g. 409 external_ref_conflict, 403 outside scope). */
  message: string | null;
  status: number;
}

/**
 * A ProblemException as the form shows it: field errors by field name, in Indonesian and naming
 * each field by its label (field-messages.ts, the same words the API gives for Accept-Language
 * id), and a summary line. Anything else is not a form problem and is thrown on.
 */
export function formFailure(error: unknown, labels?: Readonly<Record<string, string>>): FormFailure {
  if (!(error instanceof ProblemException)) throw error;
  return failureOf(error.problem.errors ?? [], error.problem.status, error.problem.detail ?? error.problem.title, labels, error.problem.code);
}

/** Field problems collected from several checks (the DTO, time rules, the unit's scope) as one refusal. */
export function failureOf(
  errors: readonly FieldError[], status: number, detail: string | null, labels?: Readonly<Record<string, string>>, code?: string,
): FormFailure {
  const fields: FieldMessages = {};
  for (const e of indonesianErrors(errors, labels)) {
    const before = fields[e.field];
    // sentences follow one another; bare rule texts (a service's own words) keep their "; "
    fields[e.field] = before ? `${before}${/[.!?]$/.test(before) ? ' ' : '; '}${e.message}` : e.message;
  }
  const count = Object.keys(fields).length;
  const message = count > 0 && (status === 400 || code === 'unit_out_of_scope' || code === 'media_out_of_scope')
    ? `Periksa ${count} isian yang ditandai.`
    : (PROBLEM_MESSAGES[code ?? ''] ?? detail);
  return { fields, message, status };
}

/** Whole-form refusals in the officer's words (the API's detail is English). */
const PROBLEM_MESSAGES: Record<string, string> = {
  external_ref_conflict: 'Nomor referensi laporan ini sudah dipakai untuk laporan lain dengan isi berbeda. Periksa nomornya.',
  username_taken: 'Nama pengguna ini sudah dipakai.',
  unit_code_taken: 'Kode satuan ini sudah dipakai.',
  self_deactivation: 'Anda tidak dapat menonaktifkan akun sendiri.',
  database_unavailable: 'Basis data tidak dapat dihubungi. Coba lagi beberapa saat lagi.',
};
