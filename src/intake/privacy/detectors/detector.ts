/** What every detector shares: the kinds, a hit on the normalised text, the story's known citizens. */

export type PiiKind = 'nik' | 'phone' | 'email' | 'plate' | 'address' | 'bank' | 'name';

/** Fixed order: findings are reported in it, and a merged span takes the first kind in it. */
export const PII_KINDS: readonly PiiKind[] = ['name', 'email', 'nik', 'phone', 'bank', 'address', 'plate'];

export interface Hit {
  kind: PiiKind;
  /** UTF-16 offsets, end exclusive. */
  start: number;
  end: number;
  /** For a known citizen's name: what consent allows in its place (initials or a role word). */
  replacement?: string;
}

/** A person whose data the service holds for this story: their own data is looked for in any form. */
export interface KnownCitizen {
  name: string | null;
  phone?: string | null;
  email?: string | null;
  nik?: string | null;
  /** What consent allows: 'name' keeps the name, 'initials' writes initials, else a role word. */
  consentLevel: string;
  /** The word used in place of the person when nothing of them may be published: "pelapor", "warga". */
  roleWord: string;
}

export interface DetectionContext {
  citizens?: readonly KnownCitizen[];
  /** Numbers the unit publishes itself (hotline, piket, WhatsApp): never personal data. */
  allowedNumbers?: readonly string[];
  /**
   * The text is a citizen's quote: a known name there becomes a placeholder (the quoted sentence
   * is then left out of what is published), never initials put into the citizen's mouth.
   */
  namesInQuotes?: boolean;
}

/** Letters and digits of any script: the edges of a word. */
export const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * A word that announces what follows ("rekening", "HP", "NIK"), found before a value: the last of
 * `words` within `span` characters before `at`, with only `gap` characters between it and the
 * value. Searched forwards (an end-anchored pattern would be tried at every position).
 */
export interface Announcer {
  /** Global, not anchored. */
  words: RegExp;
  /** What may stand between the word and the value, e.g. /^[^\d\n]{0,24}$/. */
  gap: RegExp;
}

export function contextBefore(text: string, at: number, span: number, context: Announcer): boolean {
  const before = text.slice(Math.max(0, at - span), at);
  let lastEnd = -1;
  context.words.lastIndex = 0;
  for (let m = context.words.exec(before); m; m = context.words.exec(before)) {
    lastEnd = m.index + m[0].length;
    if (m[0].length === 0) context.words.lastIndex++;
  }
  return lastEnd >= 0 && context.gap.test(before.slice(lastEnd));
}
