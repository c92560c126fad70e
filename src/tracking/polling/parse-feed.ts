import { createHash } from 'node:crypto';
import type Parser from 'rss-parser';
import { stripHtml } from '../matching/normalise';

/** At most this many items of one feed are considered per poll (a feed is a window, not an archive). */
export const MAX_ITEMS_PER_FEED = 200;

/**
 * Limits checked by a linear scan before the XML parser builds anything: a 5 MB feed of 700k
 * nested elements made xml2js build a 700k-deep object tree for 14 s. Real feeds nest under 10
 * deep and hold a few thousand elements.
 */
export const FEED_LIMITS = { maxDepth: 64, maxElements: 100_000 } as const;

export class FeedParseError extends Error {
  constructor(readonly code: 'entities_refused' | 'malformed' | 'not_a_feed' | 'too_complex', message: string) {
    super(message);
    this.name = 'FeedParseError';
  }
}

/** One partner item, reduced to plain strings we chose (nothing else from the parser survives). */
export interface ParsedItem {
  /** The item's guid, else its link, else a hash of its title and text: stable across polls. */
  guid: string;
  link: string | null;
  title: string | null;
  /** Full text as the feed gave it (HTML allowed): matched, never stored whole. */
  text: string;
  /** Plain-text summary stored with the item. */
  summary: string | null;
  publishedAt: Date | null;
  textHash: string;
}

let RssParser: typeof Parser | undefined;
/**
 * rss-parser (with xml2js, sax and xmlbuilder under it, ~50 modules) is loaded with the first
 * partner feed polled, not when the app starts: most instances poll nothing for minutes, some
 * never (idle RSS, DESIGN.md §13).
 */
function rssParser(): typeof Parser {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  return (RssParser ??= require('rss-parser') as typeof Parser);
}

/**
 * Partner links are shown as links in the console: only absolute http(s) URLs are kept
 * (javascript:, data:, vbscript: and relative links become null).
 */
export function httpLink(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Counts elements and nesting with one pass over the text (comments, CDATA, declarations and
 * processing instructions skipped) and refuses a feed over FEED_LIMITS before it is parsed.
 */
export function checkXmlShape(xml: string): void {
  let depth = 0;
  let elements = 0;
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i + 1)) {
    const next = xml.charCodeAt(i + 1);
    if (next === 0x2f /* </ */) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (next === 0x21 /* <! */ || next === 0x3f /* <? */) {
      const close = xml.startsWith('<!--', i) ? '-->' : xml.startsWith('<![CDATA[', i) ? ']]>' : '>';
      const end = xml.indexOf(close, i + 2);
      if (end < 0) return; // unterminated: the parser reports it
      i = end;
      continue;
    }
    const end = xml.indexOf('>', i + 1);
    if (end < 0) return;
    if (++elements > FEED_LIMITS.maxElements) throw new FeedParseError('too_complex', `more than ${FEED_LIMITS.maxElements} elements`);
    if (xml.charCodeAt(end - 1) !== 0x2f /* /> */ && ++depth > FEED_LIMITS.maxDepth) {
      throw new FeedParseError('too_complex', `elements nested more than ${FEED_LIMITS.maxDepth} deep`);
    }
    i = end;
  }
}

const str = (value: unknown, max: number): string | null => (typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : null);

/**
 * Parses RSS 0.9x/1.0/2.0 or Atom with rss-parser's parseString (never its fetch). Hostile
 * input: a DOCTYPE with an internal subset (entity declarations: "billion laughs" and external
 * entities) is refused before parsing, although sax (under xml2js) would not expand them
 * anyway; malformed XML is a FeedParseError, not a crash; `__proto__` elements never reach an
 * object we read, because only known string fields are copied out; links are http(s) only;
 * a feed nested too deep or with too many elements is refused before parsing (checkXmlShape).
 * The poller runs this in a worker thread (parse-feed-off-thread.ts).
 */
export async function parseFeed(xml: string): Promise<ParsedItem[]> {
  if (/<!DOCTYPE[^>]*\[/i.test(xml) || /<!ENTITY/i.test(xml)) {
    throw new FeedParseError('entities_refused', 'DOCTYPE with entity declarations refused');
  }
  checkXmlShape(xml);
  let feed: { items?: unknown[] };
  try {
    feed = await new (rssParser())().parseString(xml);
  } catch (error) {
    const reason = (error as Error).message?.split('\n')[0]?.slice(0, 120) ?? 'unreadable';
    if (/not recognized/i.test(reason)) throw new FeedParseError('not_a_feed', 'neither RSS nor Atom');
    throw new FeedParseError('malformed', `malformed XML: ${reason}`);
  }
  const items: ParsedItem[] = [];
  for (const raw of (Array.isArray(feed.items) ? feed.items : []).slice(0, MAX_ITEMS_PER_FEED)) {
    if (!raw || typeof raw !== 'object') continue;
    const item = raw as Record<string, unknown>;
    const title = str(item.title, 500);
    const link = httpLink(str(item.link, 2000));
    const text = str(item['content:encoded'], 200_000) ?? str(item.content, 200_000) ?? str(item.summary, 200_000) ?? str(item.contentSnippet, 200_000) ?? '';
    if (!title && !text && !link) continue;
    const textHash = createHash('sha256').update(`${title ?? ''}\n${text}`).digest('hex');
    const guid = str(item.guid, 1000) ?? str(item.id, 1000) ?? link ?? `sha256:${textHash}`;
    const date = str(item.isoDate, 40) ?? str(item.pubDate, 80);
    const publishedAt = date && !Number.isNaN(Date.parse(date)) ? new Date(date) : null;
    const summary = text ? stripHtml(text).replace(/\s+/g, ' ').trim().slice(0, 1000) || null : null;
    items.push({ guid, link, title, text, summary, publishedAt, textHash });
  }
  return items;
}
