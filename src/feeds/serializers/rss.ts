import { create } from 'xmlbuilder2';
import { rfc3339, rfc822 } from '../feed-dates';
import type { FeedDocument } from '../feed-model';
import { escapeHtml, xmlText } from '../feed-text';
import { addMediaElements } from './media-elements';
import { NS, XML_DECLARATION } from './namespaces';

/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) with content:encoded, Dublin Core,
 * Media RSS, atom:link self/hub and Gaung's embargo element. Titles are plain text; description
 * and content:encoded are HTML, built from escaped text only, then escaped again as XML text
 * (never CDATA: no "]]>" in a story can end anything early).
 */
export function renderRss(feed: FeedDocument, categoryDomain: string): string {
  const root = create(XML_DECLARATION).ele('rss', {
    version: '2.0', 'xmlns:atom': NS.atom, 'xmlns:content': NS.content, 'xmlns:dc': NS.dc, 'xmlns:media': NS.media, 'xmlns:gaung': NS.gaung,
  });
  const channel = root.ele('channel');
  channel.ele('title').txt(xmlText(feed.title));
  channel.ele('link').txt(xmlText(feed.homeUrl));
  channel.ele('description').txt(xmlText(feed.description));
  channel.ele('language').txt('id');
  channel.ele('lastBuildDate').txt(rfc822(feed.updated, feed.timezone));
  channel.ele('generator').txt('Gaung');
  channel.ele('atom:link', { href: xmlText(feed.selfUrl), rel: 'self', type: 'application/rss+xml' });
  if (feed.hubUrl) channel.ele('atom:link', { href: xmlText(feed.hubUrl), rel: 'hub' });

  for (const item of feed.items) {
    const el = channel.ele('item');
    el.ele('title').txt(xmlText(item.title));
    el.ele('link').txt(xmlText(item.url));
    el.ele('guid', { isPermaLink: 'false' }).txt(item.guid);
    el.ele('pubDate').txt(rfc822(item.published, item.timezone));
    el.ele('dc:creator').txt(xmlText(item.creator));
    for (const c of item.categories) el.ele('category', { domain: xmlText(categoryDomain) }).txt(xmlText(c.term));
    el.ele('description').txt(xmlText(escapeHtml(item.summary)));
    el.ele('content:encoded').txt(xmlText(item.html));
    if (item.photo?.main) {
      el.ele('enclosure', { url: xmlText(item.photo.main.url), length: String(item.photo.main.bytes), type: item.photo.main.type });
    }
    if (item.photo) addMediaElements(el, item.photo);
    if (item.embargoUntil) el.ele('gaung:embargoUntil').txt(rfc3339(item.embargoUntil, item.timezone));
  }
  return root.end({ prettyPrint: false });
}
