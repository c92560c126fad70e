import { potong } from '../../drafting/helpers';

/**
 * The website draft's body is plain text (templates/content/<kind>/website.hbs): paragraphs
 * separated by a blank line, the first one opening with the dateline "JAKARTA SELATAN - ...".
 * These helpers split it for the press room; the views escape every piece (no HTML is built here).
 */

export interface ReleaseParagraphs {
  /** "JAKARTA SELATAN", or null when the first paragraph has no dateline. */
  dateline: string | null;
  /** The first paragraph without its dateline. */
  lead: string;
  /** The paragraphs after the lead. */
  rest: string[];
}

/** Control characters other than tab and line breaks never reach a page. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Upper-case city (letters, spaces, dots, apostrophes, hyphens) then " - ": the house dateline. */
const DATELINE = /^(\p{Lu}[\p{Lu}\p{M} .'’-]{1,60}?)\s+[-–—]\s+/u;

export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

export function splitParagraphs(text: string): string[] {
  return cleanText(text)
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

export function releaseParagraphs(body: string): ReleaseParagraphs {
  const [first = '', ...rest] = splitParagraphs(body);
  const match = DATELINE.exec(first);
  if (!match) return { dateline: null, lead: first, rest };
  return { dateline: match[1].trim(), lead: first.slice(match[0].length), rest };
}

/** One line for lists and meta descriptions: the lead, shortened at a word, single spaces. */
export function summaryOf(lead: string, max = 220): string {
  const flat = lead.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : potong(flat, max);
}
