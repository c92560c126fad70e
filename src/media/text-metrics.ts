/**
 * Text widths for laying out SVG text, which librsvg never wraps by itself. Advance widths
 * of DejaVu Sans (regular and bold) for printable ASCII, in 1/1000 em, read from the font
 * files; everything else is estimated on the wide side (accented letters by their base
 * letter, emoji 1.3 em, CJK 1 em), so an estimate may leave extra room but never too little.
 */
// prettier-ignore
const REGULAR = [318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838];
// prettier-ignore
const BOLD = [348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838];

export type Weight = 'regular' | 'bold';

/** Hinting and kerning differ between renderers: keep a little in hand. */
const SAFETY = 1.04;
const EMOJI_EM = 1.3;
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const ZERO_WIDTH = /[\p{Mn}\p{Me}\u200B-\u200F\uFE00-\uFE0F\u2060]/u;
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;

const segmenter = new Intl.Segmenter('id', { granularity: 'grapheme' });

export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

function codePointEm(char: string, weight: Weight): number {
  const table = weight === 'bold' ? BOLD : REGULAR;
  const code = char.codePointAt(0)!;
  if (code >= 32 && code < 127) return table[code - 32] / 1000;
  if (ZERO_WIDTH.test(char)) return 0;
  if (WIDE.test(char)) return 1;
  // Latin letters with diacritics: as wide as the base letter, plus the widest case for others.
  const base = char.normalize('NFD').codePointAt(0)!;
  if (base >= 32 && base < 127) return table[base - 32] / 1000;
  return weight === 'bold' ? 1.1 : 1;
}

/** Width of one grapheme cluster in em: an emoji sequence (ZWJ, skin tone, flag) draws as one glyph. */
function graphemeEm(cluster: string, weight: Weight): number {
  if (PICTOGRAPH.test(cluster)) return EMOJI_EM;
  let em = 0;
  for (const char of cluster) em += codePointEm(char, weight);
  return em;
}

/** Width of `text` in em, before the safety margin; widths add up (no kerning is assumed). */
export function textEm(text: string, weight: Weight = 'regular'): number {
  let em = 0;
  for (const cluster of graphemes(text)) em += graphemeEm(cluster, weight);
  return em;
}

/** Estimated width of `text` at `fontSize` px, never less than the real one. */
export function textWidth(text: string, fontSize: number, weight: Weight = 'regular'): number {
  return emToPx(textEm(text, weight), fontSize);
}

export const emToPx = (em: number, fontSize: number) => em * fontSize * SAFETY;
