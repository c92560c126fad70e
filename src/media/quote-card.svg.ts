import { stripInvisible } from '../common/text/invisible';
import { emToPx, graphemes, textEm, textWidth, type Weight } from './text-metrics';

export interface QuoteCardInput {
  quote: string;
  /** What consent allows ("Andreas Wibowo", "A.W."); null reads "Seorang warga". */
  attribution: string | null;
  unitName: string;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The card's fixed layout: every piece of text stays inside its box. */
export const CARD = {
  size: 1080,
  background: '#0f2d52',
  accent: '#e0b23a',
  quote: { x: 110, y: 260, width: 860, height: 540 },
  attribution: { x: 110, y: 830, width: 860, height: 60 },
  unit: { x: 110, y: 960, width: 860, height: 60 },
} as const;

const FONTS = "'DejaVu Sans', 'Noto Color Emoji', 'Droid Sans Fallback', sans-serif";
const LINE_HEIGHT = 1.3;
/** DejaVu Sans ascender: the first baseline sits this far (in em) below the top of the box. */
const ASCENT = 0.93;
const ELLIPSIS = '…';

export interface FittedText {
  fontSize: number;
  lines: string[];
}

/** Characters XML 1.0 forbids, and lone surrogates: librsvg refuses the whole document over one of them. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Greedy word wrap; null when a single word is wider than the line (try a smaller size). */
export function wrapWords(words: string[], maxWidth: number, fontSize: number, weight: Weight, ems = words.map((w) => textEm(w, weight))): string[] | null {
  const space = textEm(' ', weight);
  const lines: string[] = [];
  let line = '';
  let lineEm = 0;
  for (const [i, word] of words.entries()) {
    const wordEm = ems[i];
    if (emToPx(wordEm, fontSize) > maxWidth) return null;
    if (line && emToPx(lineEm + space + wordEm, fontSize) > maxWidth) {
      lines.push(line);
      line = '';
    }
    lineEm = line ? lineEm + space + wordEm : wordEm;
    line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The largest size from `max` down to `min` at which the text, wrapped at word boundaries,
 * fits the box. Below `min` nothing shrinks further: the text ends after the last whole word
 * that fits, with an ellipsis. Only a single "word" wider than a whole line at `min` (a long
 * link) is split, as there is no word boundary to wrap at.
 */
export function fitText(text: string, box: Box, sizes: { max: number; min: number }, weight: Weight = 'regular'): FittedText {
  const words = text.split(/\s+/).filter(Boolean);
  const ems = words.map((word) => textEm(word, weight));
  for (let size = sizes.max; size >= sizes.min; size -= 2) {
    const lines = wrapWords(words, box.width, size, weight, ems);
    if (lines && lines.length * size * LINE_HEIGHT <= box.height) return { fontSize: size, lines };
  }
  const size = sizes.min;
  const pieces = words.flatMap((word) => splitLongWord(word, box.width, size, weight));
  const lines = wrapWords(pieces, box.width, size, weight)!;
  const maxLines = Math.max(1, Math.floor(box.height / (size * LINE_HEIGHT)));
  if (lines.length <= maxLines) return { fontSize: size, lines };
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1].split(' ');
  while (last.length > 1 && textWidth(`${last.join(' ')} ${ELLIPSIS}`, size, weight) > box.width) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.join(' ')} ${ELLIPSIS}`;
  return { fontSize: size, lines: kept };
}

function splitLongWord(word: string, maxWidth: number, size: number, weight: Weight): string[] {
  if (textWidth(word, size, weight) <= maxWidth) return [word];
  const parts: string[] = [];
  let part = '';
  for (const cluster of graphemes(word)) {
    if (part && textWidth(part + cluster, size, weight) > maxWidth) {
      parts.push(part);
      part = '';
    }
    part += cluster;
  }
  return part ? [...parts, part] : parts;
}

function textLines(fitted: FittedText, box: Box, attributes: string, centreVertically: boolean): string {
  const blockHeight = fitted.lines.length * fitted.fontSize * LINE_HEIGHT;
  const top = box.y + (centreVertically ? (box.height - blockHeight) / 2 : 0);
  return fitted.lines
    .map((line, i) => {
      const baseline = top + fitted.fontSize * (ASCENT + i * LINE_HEIGHT);
      return `<text x="${box.x}" y="${baseline.toFixed(1)}" font-size="${fitted.fontSize}" ${attributes}>${escapeXml(line)}</text>`;
    })
    .join('\n  ');
}

/** The whole card as SVG 1080x1080; sizes and lines are returned for the tests. */
export function quoteCardSvg(input: QuoteCardInput): { svg: string; quote: FittedText; attribution: FittedText; unit: FittedText } {
  // a bidi override in a quote rendered the card's text reversed: invisible controls never reach it
  const quote = fitText(stripInvisible(input.quote), CARD.quote, { max: 64, min: 22 });
  const attribution = fitText(`— ${stripInvisible(input.attribution ?? 'Seorang warga')}`, CARD.attribution, { max: 40, min: 20 }, 'bold');
  const unit = fitText(stripInvisible(input.unitName), CARD.unit, { max: 34, min: 18 }, 'bold');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.size}" height="${CARD.size}" viewBox="0 0 ${CARD.size} ${CARD.size}">
  <rect width="${CARD.size}" height="${CARD.size}" fill="${CARD.background}"/>
  <rect width="${CARD.size}" height="14" fill="${CARD.accent}"/>
  <text x="${CARD.quote.x - 14}" y="${CARD.quote.y - 30}" font-family="'DejaVu Serif', serif" font-size="200" fill="${CARD.accent}">“</text>
  ${textLines(quote, CARD.quote, `font-family="${FONTS}" fill="#ffffff"`, true)}
  ${textLines(attribution, CARD.attribution, `font-family="${FONTS}" font-weight="bold" fill="${CARD.accent}"`, false)}
  <rect x="${CARD.unit.x}" y="${CARD.unit.y - 30}" width="120" height="4" fill="${CARD.accent}"/>
  ${textLines(unit, CARD.unit, `font-family="${FONTS}" font-weight="bold" fill="#ffffff" fill-opacity="0.9"`, false)}
</svg>`;
  return { svg, quote, attribution, unit };
}
