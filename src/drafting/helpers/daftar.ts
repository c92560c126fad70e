import { HelperError, collapseWhitespace, describe } from './helper-error';

// A hashtag body as X and Instagram link it: letters (any script), marks, digits, underscore,
// with at least one non-digit ("#2026" is not a hashtag on either network).
const HASHTAG_BODY = /^[\p{L}\p{M}\p{N}_]+$/u;
const HAS_NON_DIGIT = /[\p{L}\p{M}_]/u;
// A handle valid on at least one network: X allows letters, digits and _ up to 15; Instagram and
// TikTok also dots, up to 30, but not at either end or doubled. Templates pass each channel's own
// handle, so the looser rule is enough to catch a URL or a name typed where a handle belongs.
const HANDLE = /^[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?$/;

/** Each argument is a string, an array of strings, or nothing (a unit without hashtags). */
function flatten(fn: string, lists: readonly unknown[]): string[] {
  const out: string[] = [];
  const add = (value: unknown): void => {
    // Absent entries are normal (a unit with no X handle) and are skipped, unlike a missing
    // required argument elsewhere; anything else that is not text is a template bug.
    if (value === null || value === undefined) return;
    if (typeof value !== 'string') {
      throw new HelperError('HELPER_INVALID_ARGUMENT', `${fn}: isi daftar harus teks, bukan ${describe(value)}`);
    }
    out.push(value.trim());
  };
  for (const list of lists) {
    if (Array.isArray(list)) list.forEach(add);
    else add(list);
  }
  return out;
}

/**
 * Merges lists of items, keeping the first spelling of each case-insensitive duplicate in
 * order of appearance; `parse` returns the item's body, or null for an empty or invalid item.
 */
function merge(fn: string, lists: readonly unknown[], prefix: string, parse: (raw: string) => string | null): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of flatten(fn, lists)) {
    const body = parse(raw);
    if (body === null) continue;
    // NFC first so that "é" typed two ways is one tag; lower case for the comparison only.
    const key = body.normalize('NFC').toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(prefix + body.normalize('NFC'));
  }
  return out;
}

/**
 * ["#PolsekKebayoranBaru", "#PolriPresisi"] from the unit's, the parent's and the house lists.
 * Adds '#' where missing (also accepts the full-width '＃'); drops empty and invalid entries
 * ("#Polri Presisi" with a space is dropped, not guessed at).
 */
export function daftarHashtag(...lists: readonly unknown[]): string[] {
  return merge('daftarHashtag', lists, '#', (raw) => {
    const body = raw.replace(/^[#＃]+/, '');
    return HASHTAG_BODY.test(body) && HAS_NON_DIGIT.test(body) ? body : null;
  });
}

/** ["@polsek_kebayoranbaru", "@polres_jaksel"]: the same for handles, '@' added where missing. */
export function daftarMention(...handles: readonly unknown[]): string[] {
  return merge('daftarMention', handles, '@', (raw) => {
    const body = raw.replace(/^[@＠]+/, '');
    return HANDLE.test(body) && !body.includes('..') ? body : null;
  });
}

/**
 * "A, B, dan C": an Indonesian list, with the comma before "dan" that PUEBI prescribes for
 * three or more items; "A dan B" for two. `kata` may be "atau". Blank items are left out.
 */
export function kalimatDaftar(items: readonly unknown[], kata = 'dan'): string {
  const parts = items.flatMap((item): string[] => {
    if (item === null || item === undefined) return [];
    if (typeof item === 'number' && Number.isFinite(item)) return [String(item)];
    if (typeof item !== 'string') {
      throw new HelperError('HELPER_INVALID_ARGUMENT', `kalimatDaftar: isi daftar harus teks, bukan ${describe(item)}`);
    }
    const text = collapseWhitespace(item);
    return text === '' ? [] : [text];
  });
  if (parts.length <= 1) return parts.join('');
  if (parts.length === 2) return `${parts[0]} ${kata} ${parts[1]}`;
  return `${parts.slice(0, -1).join(', ')}, ${kata} ${parts[parts.length - 1]}`;
}
