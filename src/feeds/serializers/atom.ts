import { create } from 'xmlbuilder2';
import { rfc3339 } from '../feed-dates';
import type { FeedDocument } from '../feed-model';
import { xmlText } from '../feed-text';
import { addMediaElements } from './media-elements';
import { NS, XML_DECLARATION } from './namespaces';

/** Atom 1.0 (RFC 4287) with the same content as the RSS feed. */
export function renderAtom(feed: FeedDocument, feedId: string, categoryScheme: string): string {
  const root = create(XML_DECLARATION).ele(NS.atom, 'feed', { 'xmlns:media': NS.media, 'xmlns:gaung': NS.gaung, 'xml:lang': 'id' });
  root.ele('id').txt(xmlText(feedId));
  root.ele('title', { type: 'text' }).txt(xmlText(feed.title));
  root.ele('subtitle', { type: 'text' }).txt(xmlText(feed.description));
  root.ele('updated').txt(rfc3339(feed.updated, feed.timezone));
  root.ele('link', { rel: 'self', type: 'application/atom+xml', href: xmlText(feed.selfUrl) });
  root.ele('link', { rel: 'alternate', type: 'text/html', href: xmlText(feed.homeUrl) });
  if (feed.hubUrl) root.ele('link', { rel: 'hub', href: xmlText(feed.hubUrl) });
  root.ele('author').ele('name').txt('Humas Polri');
  root.ele('generator').txt('Gaung');

  for (const item of feed.items) {
    const entry = root.ele('entry');
    entry.ele('id').txt(item.guid);
    entry.ele('title', { type: 'text' }).txt(xmlText(item.title));
    entry.ele('published').txt(rfc3339(item.published, item.timezone));
    entry.ele('updated').txt(rfc3339(item.updated, item.timezone));
    entry.ele('link', { rel: 'alternate', type: 'text/html', href: xmlText(item.url) });
    if (item.photo?.main) {
      entry.ele('link', { rel: 'enclosure', type: item.photo.main.type, length: String(item.photo.main.bytes), href: xmlText(item.photo.main.url) });
    }
    entry.ele('author').ele('name').txt(xmlText(item.creator));
    for (const c of item.categories) entry.ele('category', { term: xmlText(c.term), scheme: xmlText(categoryScheme), label: xmlText(c.label) });
    entry.ele('summary', { type: 'text' }).txt(xmlText(item.summary));
    entry.ele('content', { type: 'html' }).txt(xmlText(item.html));
    if (item.photo) addMediaElements(entry, item.photo);
    if (item.embargoUntil) entry.ele('gaung:embargoUntil').txt(rfc3339(item.embargoUntil, item.timezone));
  }
  return root.end({ prettyPrint: false });
}
