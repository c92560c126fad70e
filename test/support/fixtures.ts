import fs from 'node:fs';
import path from 'node:path';

/** ../shared/fixtures beside the project, when present (the project must not depend on it). */
export const FIXTURES_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures');
export const haveFixtures = fs.existsSync(path.join(FIXTURES_DIR, 'complaints.json'));

export function fixture<T = Record<string, unknown>[]>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, `${name}.json`), 'utf8')) as T;
}

/**
 * Personal values in an input, found independently of the masker under test: contact fields, and
 * in free text every run of 8+ digits (phones, NIK), e-mail addresses and plate-like tokens.
 */
export function personalValues(item: Record<string, unknown>): string[] {
  const values: string[] = [];
  for (const who of ['complainant', 'author'] as const) {
    const person = item[who] as Record<string, string> | undefined;
    for (const key of ['phone', 'email', 'nik'] as const) if (person?.[key]) values.push(person[key]);
  }
  // only free text: timestamps such as 2026-10-25T01:12:00Z are not personal data
  const text = JSON.stringify([item.summary, item.resolution, item.quote, item.text, item.narrative, item.title,
    (item.stages as { label: string }[] | undefined)?.map((stage) => stage.label), (item.quotes as { text: string }[] | undefined)?.map((q) => q.text), item.location]);
  for (const m of text.matchAll(/\+?\d[\d .-]{6,}\d/g)) if (m[0].replace(/\D/g, '').length >= 8) values.push(m[0]);
  for (const m of text.matchAll(/[\w.+-]+@[\w-]+\.[\w.]+/g)) values.push(m[0]);
  for (const m of text.matchAll(/\b[A-Z]{1,2} ?\d{1,4} ?[A-Z]{1,3}\b/g)) values.push(m[0]);
  return values;
}

/** Digits-only form, so "0812-8877-1234" is found in "081288771234" too. */
export const digitsOf = (value: string) => value.replace(/\D/g, '');
