/**
 * Sensitive cases (issue 16): reports whose victim must not be recognised. A domestic-violence
 * report drafted as a success story, with the kelurahan, the suspect's initials and age, an emoji
 * and a slug naming the place, identifies the victim to the neighbours. Such stories get neutral
 * drafts (no place below the city, no ages, no initials, no emoji, no boasting), go to the
 * website only unless an approver opts social channels in, have a neutral slug, and need two
 * approvers whatever the unit's policy.
 *
 * The rules are data: categories that are always sensitive, and signs in the report itself.
 */

/** Categories that are always sensitive. */
export const SENSITIVE_CATEGORIES: readonly string[] = ['kdrt', 'kekerasan_seksual', 'perlindungan_anak', 'perdagangan_orang'];

export type SensitivityReason = 'category' | 'marked' | 'minor' | 'informant' | 'words';

export interface SensitivityInput {
  category: string;
  sensitive?: boolean;
  minorInvolved?: boolean;
  informantInvolved?: boolean;
  /** The report's free text (summary, resolution, stage labels). */
  texts: readonly (string | null | undefined)[];
}

export interface Sensitivity {
  sensitive: boolean;
  reasons: SensitivityReason[];
}

/** Words that say the case is about sexual or domestic violence, a child, or an informant. */
const SENSITIVE_WORDS =
  /\b(?:kdrt|kekerasan dalam rumah tangga|kekerasan seksual|pelecehan seksual|pelecehan|pencabulan|dicabuli|pemerkosaan|diperkosa|persetubuhan|disetubuhi|asusila|rudapaksa|eksploitasi seksual|perdagangan orang|tppo|di bawah umur|anak di bawah|korban anak|balita|bocah|siswi|murid sd|siswa sd|pelajar sd|smp|informan|pelapor rahasia|saksi mahkota)\b/i;
/** An age under 18 written after "usia/umur" or after initials: "berusia 9 tahun", "AR (14)". */
const AGE = /\b(?:usia|berusia|umur|berumur)\s+(\d{1,2})\s*(?:tahun|thn|th)\b|\b[A-Z]{1,4}\s*\((\d{1,2})\)/g;

function mentionsMinorAge(text: string): boolean {
  for (const m of text.matchAll(AGE)) {
    const age = Number(m[1] ?? m[2]);
    if (age > 0 && age < 18) return true;
  }
  return false;
}

export function complaintSensitivity(input: SensitivityInput): Sensitivity {
  const reasons: SensitivityReason[] = [];
  if (SENSITIVE_CATEGORIES.includes(input.category)) reasons.push('category');
  if (input.sensitive) reasons.push('marked');
  if (input.minorInvolved) reasons.push('minor');
  if (input.informantInvolved) reasons.push('informant');
  const texts = input.texts.filter((t): t is string => !!t);
  if (texts.some((t) => SENSITIVE_WORDS.test(t))) reasons.push('words');
  if (!reasons.includes('minor') && texts.some(mentionsMinorAge)) reasons.push('minor');
  return { sensitive: reasons.length > 0, reasons };
}

/** Ages, initials with ages, and "berinisial ..." in a sensitive story's text: all of it identifies. */
const SCRUB: [RegExp, string][] = [
  [/\s*\(\s*\d{1,3}\s*(?:th|thn|tahun)?\s*\)/g, ''],
  [/,?\s*(?:yang\s+)?(?:berusia|berumur|usia|umur)\s+\d{1,3}\s*(?:tahun|thn|th)\b/gi, ''],
  [/\b\d{1,3}\s*(?:tahun|thn|th)\b(?=\s*[,.)]|\s+(?:yang|itu|tersebut))/gi, ''],
  [/\s*(?:ber)?inisial\s+[A-Z](?:[.\s]?[A-Z]){0,4}\.?/g, ''],
  [/\b[A-Z](?:\.[A-Z]){1,3}\.(?=\s)/g, ''],
];

/**
 * A sensitive story's free text as drafting may use it: no ages, no initials, and no place below
 * the city (the kelurahan and kecamatan of the report are replaced by the city).
 */
export function scrubSensitiveText(text: string, places: { below: readonly string[]; city: string }): string {
  if (!text) return text;
  let out = text;
  for (const [pattern, replacement] of SCRUB) out = out.replace(pattern, replacement);
  for (const place of places.below) {
    if (place.trim().length < 3) continue;
    const escaped = place.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`\\b(?:(?:di|ke|dari)\\s+)?(?:(?:kelurahan|kel\\.|desa|kecamatan|kec\\.)\\s+)?${escaped}\\b`, 'gi'), (m) => {
      const prep = /^(di|ke|dari)\s/i.exec(m)?.[1];
      return prep ? `${prep} wilayah ${places.city}` : `wilayah ${places.city}`;
    });
  }
  return out.replace(/[ \t]{2,}/g, ' ').replace(/\s+([,.;:!?])/g, '$1').replace(/,\s*,/g, ',').trim();
}
