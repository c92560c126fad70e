/** What a feed shows, independent of its format (RSS 2.0, Atom 1.0, JSON Feed 1.1). */

export const FEED_FILES = { 'rss.xml': 'rss', 'atom.xml': 'atom', 'feed.json': 'json' } as const;
export type FeedFile = keyof typeof FEED_FILES;
export type FeedFormat = (typeof FEED_FILES)[FeedFile];
export const FILE_OF: Record<FeedFormat, FeedFile> = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' };

export const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** Gaung's own feed extension (embargo times), for RSS and Atom; JSON Feed uses "_gaung". */
export const GAUNG_NS = 'urn:gaung:feed:1';

export interface UnitRef {
  id: string;
  code: string;
  name: string;
  timezone: string;
}

/** Which stories a feed holds. */
export type FeedScope =
  | { kind: 'all' }
  | { kind: 'unit'; unit: UnitRef }
  | { kind: 'category'; slug: string; label: string; storyKind: string | null }
  | { kind: 'partner'; partnerId: string; partnerName: string; token: string; unitId: string };

export interface FeedRendition {
  name: string;
  type: string;
  url: string;
  width: number;
  height: number;
  bytes: number;
}

export interface FeedPhoto {
  alt: string;
  /** Largest first; `web` JPEG (the website's own) leads. */
  renditions: FeedRendition[];
  /** The main photo as one file, for the enclosure (the `web` JPEG). */
  main: FeedRendition | null;
  thumbnail: FeedRendition | null;
}

export interface FeedCategory {
  term: string;
  label: string;
}

export interface FeedItem {
  storyId: string;
  /** urn:uuid:<story id>: never changes, whatever happens to the title or slug. */
  guid: string;
  url: string;
  title: string;
  summary: string;
  /** The full release as HTML, built only from escaped text. */
  html: string;
  /** The full release as plain text (paragraphs separated by blank lines). */
  text: string;
  published: Date;
  updated: Date;
  /** The unit's zone, for dates. */
  timezone: string;
  unitCode: string;
  /** "Humas Polres Metro Jakarta Selatan". */
  creator: string;
  categories: FeedCategory[];
  /** Set only on partner feeds, for approved stories still under embargo. */
  embargoUntil: Date | null;
  photo: FeedPhoto | null;
}

export interface FeedDocument {
  format: FeedFormat;
  title: string;
  description: string;
  /** This feed's own address in this format. */
  selfUrl: string;
  /** The press room page the feed mirrors. */
  homeUrl: string;
  /** WebSub hub (public feeds only: a partner's address holds its secret token). */
  hubUrl: string | null;
  /** Zone of the feed's own dates (a unit feed: the unit's). */
  timezone: string;
  /** Newest item date; a fixed date for an empty feed, so that equal content gives equal bytes. */
  updated: Date;
  items: FeedItem[];
}
