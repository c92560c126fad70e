import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import Parser from 'rss-parser';

/**
 * Real feed clients to check what Gaung serves: Debian's python3-feedparser (the Universal Feed
 * Parser), rss-parser (what our own poller uses), xmllint and a JSON Feed 1.1 schema with ajv.
 */

export interface ParsedEntry {
  id: string;
  title: string;
  link: string;
  published: string;
  published_parsed: number[] | null;
  author: string;
  tags: string[];
  summary: string;
  content: string[];
  media_content: Record<string, string>[];
  media_thumbnail: Record<string, string>[];
  enclosures: Record<string, string>[];
  embargo: string | null;
}

export interface Parsed {
  bozo: number;
  bozo_exception: string | null;
  version: string;
  feed: { title: string; links: { rel: string; href: string }[] };
  entries: ParsedEntry[];
}

const FEEDPARSER = `
import sys, json, feedparser
d = feedparser.parse(sys.stdin.buffer.read())
def entry(e):
    return {
        'id': e.get('id'), 'title': e.get('title'), 'link': e.get('link'), 'published': e.get('published'),
        'published_parsed': list(e.published_parsed) if e.get('published_parsed') else None,
        'author': e.get('author'), 'tags': [t.get('term') for t in e.get('tags', [])], 'summary': e.get('summary'),
        'content': [c.get('value') for c in e.get('content', [])],
        'media_content': e.get('media_content', []), 'media_thumbnail': e.get('media_thumbnail', []),
        'enclosures': [dict(x) for x in e.get('enclosures', [])],
        'embargo': e.get('gaung_embargountil'),
    }
print(json.dumps({
    'bozo': d.bozo, 'bozo_exception': str(d.get('bozo_exception')) if d.bozo else None, 'version': d.version,
    'feed': {'title': d.feed.get('title'), 'links': [{'rel': l.get('rel'), 'href': l.get('href')} for l in d.feed.get('links', [])]},
    'entries': [entry(e) for e in d.entries],
}))
`;

/** Parses with Debian's feedparser (/usr/bin/python3, not any other Python on the PATH). */
export function feedparser(body: string | Buffer): Parsed {
  const run = spawnSync('/usr/bin/python3', ['-c', FEEDPARSER], { input: body, maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`feedparser failed: ${run.stderr.toString()}`);
  return JSON.parse(run.stdout.toString()) as Parsed;
}

/** xmllint --noout: '' when well-formed, else its complaint. */
export function xmllint(body: string | Buffer): string {
  const run = spawnSync('xmllint', ['--noout', '-'], { input: body });
  return run.status === 0 ? '' : run.stderr.toString() || `exit ${run.status}`;
}

const parser = new Parser({ customFields: { item: [['gaung:embargoUntil', 'embargoUntil'], ['dc:creator', 'creator']] } });

export function rssParser(body: string) {
  return parser.parseString(body);
}

// strictRequired off: the spec's "one of these fields" rules are anyOf-of-required, which strict mode flags
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv);
const validateSchema = ajv.compile(require(path.join(__dirname, 'feed-jsonfeed-schema.json')));

/** [] when the document is a valid JSON Feed 1.1, else the schema errors. */
export function jsonFeedErrors(document: unknown): string[] {
  return validateSchema(document) ? [] : (validateSchema.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
