import fs from 'node:fs';
import path from 'node:path';
import { achievementBody, complaintBody, feedbackBody, unique } from './access-resources';

/** Personal data planted in every base body: no answer may echo any of it. */
export const PLANTED = { phone: '0813-1111-2222', email: 'hostile.tester@example.com', nik: '3171011212900001', name: 'Hartono Wiraguna' };
export const plantedValues = () => [PLANTED.phone, PLANTED.phone.replace(/\D/g, ''), PLANTED.email, PLANTED.nik];

const CORPUS = path.join(__dirname, '..', 'corpus');
export const corpus = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(CORPUS, `${name}.json`), 'utf8')) as T;
export const hostileStrings = (): Record<string, string[]> => corpus('strings');

export const LONG = 'x'.repeat(100_000);

/** Valid bodies, one per boundary, with planted personal data where the boundary takes any. */
export const BASES: Record<string, () => Record<string, unknown>> = {
  complaint: () => ({ ...complaintBody('POLSEK-KEBAYORAN-BARU'), complainant: { name: PLANTED.name, phone: PLANTED.phone, email: PLANTED.email, nik: PLANTED.nik } }),
  feedback: () => ({ ...feedbackBody('POLSEK-KEBAYORAN-BARU'), author: { name: PLANTED.name, phone: PLANTED.phone, email: PLANTED.email } }),
  achievement: () => achievementBody('POLSEK-KEBAYORAN-BARU'),
  unit: () => ({ code: `POLSEK-H${unique()}`, name: 'Polsek Uji', level: 'polsek', parentCode: 'POLRES-JAKSEL', city: 'Jakarta Selatan', timezone: 'Asia/Jakarta' }),
  user: () => ({ username: `h${unique().toLowerCase()}`, displayName: 'Pengguna Uji', role: 'operator', unitCode: 'POLSEK-KEBAYORAN-BARU', password: 'a-strong-password-123' }),
  draft: () => ({ body: 'Teks rilis yang disunting.', revision: 1 }),
  comment: () => ({ body: 'Mohon dicek ulang.' }),
};

/** Sets a dotted path ("consent.quote") in a plain object. */
export function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split('.');
  let at = target;
  for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
  at[keys[keys.length - 1]] = value;
}

/** Replaces $payload, $long in every string of a value. */
export function substitute(value: unknown, payload: string | undefined): unknown {
  if (typeof value === 'string') {
    if (value === '$long') return LONG;
    return payload === undefined ? value : value.split('$payload').join(payload);
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, payload));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, payload)]));
  return value;
}

/** Bodies no JSON.stringify of a plain object can produce. */
export const GENERATORS: Record<string, (base: Record<string, unknown>) => string | Buffer> = {
  'deep-nesting': () => `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`,
  oversized: (base) => JSON.stringify({ ...base, summary: 'y'.repeat(700_000) }),
  'duplicate-proto': (base) => `${JSON.stringify(base).slice(0, -1)},"consent":{"level":"none","quote":false,"__proto__":{"polluted":"yes"}}}`,
  'many-stages': (base) => JSON.stringify({ ...base, stages: Array.from({ length: 10_000 }, () => ({ at: '2026-11-10T00:58:00Z', label: 'x' })) }),
  'invalid-utf8': (base) => {
    const text = JSON.stringify({ ...base, summary: 'MARK' });
    const [before, after] = text.split('MARK');
    return Buffer.concat([Buffer.from(`${before}Laporan `), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from(after)]);
  },
};

/** The base body with extra raw JSON members merged in textually (keeps own "__proto__" keys, which an object spread would not). */
export function mergeRaw(base: Record<string, unknown>, raw: string): string {
  return `${JSON.stringify(base).slice(0, -1)},${raw.trim().slice(1)}`;
}

/** Signs that text was evaluated as code or leaked internals rather than kept as inert text. */
export const EVALUATED = /\[object (Object|Function)|function (Object|Function)\(|\[native code\]|process\.(exit|env)\b.*\bat |root:x:0:0|node_modules|\bat \w+ \(/;
