import { stripInvisible } from '../common/text/invisible';

/**
 * Text of stories as feeds carry it. Drafts are plain text (templates/content/<kind>/website.hbs):
 * the first paragraph is the lead ("JAKARTA SELATAN - ..."), paragraphs are separated by blank
 * lines. Everything here is hostile-input safe: characters XML 1.0 forbids are removed before any
 * serialiser sees the text, and HTML is built only from escaped text.
 */

/**
 * What XML 1.0 cannot carry at all: C0 controls except tab and line breaks, DEL, lone surrogates
 * and the noncharacters U+FFFE/U+FFFF. (Emoji are surrogate pairs and stay; so do RTL marks.)
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(text: string | null | undefined): string {
  return stripInvisible((text ?? '').replace(/\r\n?/g, '\n').replace(NOT_XML, ''));
}

/** One line (titles, attributes): whitespace runs become one space. */
export function cleanLine(text: string | null | undefined): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

export function paragraphs(text: string | null | undefined): string[] {
  return cleanText(text)
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** The release as HTML: one <p> per paragraph, single line breaks kept as <br>. Only escaped text goes in. */
export function releaseHtml(parts: readonly string[]): string {
  return parts.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('\n');
}

/** The lead as one line, cut at a word when long (feed descriptions and summaries). */
export function summaryOf(parts: readonly string[], max = 300): string {
  const flat = (parts[0] ?? '').replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

/**
 * xmlbuilder2 escapes <, > and quotes but leaves anything shaped like an entity ("&foo;",
 * "&#0;") as it is, which would let story text break the document or smuggle markup. Escaping
 * every ampersand first leaves it nothing to misread: "&amp;" is passed through as "&amp;".
 */
export function xmlText(text: string): string {
  return cleanText(text).replace(/&/g, '&amp;');
}
