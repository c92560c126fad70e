/**
 * What every intake path (API, console form, CSV import, webhook) does to a body before anything
 * is stored (issue 16): every string cleaned (NFC, no invisible or bidi characters), then every
 * field the registry classes as free text masked (field-classes.ts), with the story's own
 * citizens looked for in any form. In quotes a citizen's name becomes a placeholder rather than
 * initials, so that the quoted sentence is left out of what is published (publishable-text.ts).
 */
import type { DetectionContext, KnownCitizen } from './detectors/detector';
import { fieldsOf } from './field-classes';
import { cleanText } from './normalise';
import { type FieldFinding, maskFields } from './pii-masker';

/** Every string of a body, at any depth, cleaned; dates and other values as they are. */
export function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map((v) => cleanStrings(v)) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cleanStrings(v);
    return out as T;
  }
  return value;
}

export interface MaskedIntake<T> {
  value: T;
  /** What was masked, per field (kinds and counts, never values). */
  redactions: FieldFinding[];
}

/** Cleans and masks a body of the given DTO class as the field registry says. */
export function maskIntake<T extends object>(dto: new () => object, body: T, ctx: DetectionContext): MaskedIntake<T> {
  const cleaned = cleanStrings(body);
  const text = maskFields(cleaned, fieldsOf(dto, 'free_text', 'internal_text'), ctx);
  const quotes = maskFields(text.value, fieldsOf(dto, 'quote'), { ...ctx, namesInQuotes: true });
  return { value: quotes.value, redactions: [...text.findings, ...quotes.findings] };
}

/** A citizen the intake knows, as the detectors look for them. */
export function knownCitizen(
  person: { name?: string | null; phone?: string | null; email?: string | null; nik?: string | null },
  consentLevel: string,
  roleWord: string,
): KnownCitizen {
  return { name: person.name ?? null, phone: person.phone ?? null, email: person.email ?? null, nik: person.nik ?? null, consentLevel, roleWord };
}
