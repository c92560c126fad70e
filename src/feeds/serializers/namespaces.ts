import { GAUNG_NS } from '../feed-model';

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
  gaung: GAUNG_NS,
} as const;

export const XML_DECLARATION = { version: '1.0', encoding: 'UTF-8' } as const;
