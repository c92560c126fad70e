import { rfc3339 } from '../feed-dates';
import type { FeedDocument } from '../feed-model';

/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). Gaung's extras go in "_gaung" objects,
 * as the spec reserves keys starting with an underscore for extensions.
 */
export function renderJsonFeed(feed: FeedDocument): string {
  const document = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.selfUrl,
    description: feed.description,
    language: 'id',
    authors: [{ name: 'Humas Polri' }],
    ...(feed.hubUrl ? { hubs: [{ type: 'WebSub', url: feed.hubUrl }] } : {}),
    items: feed.items.map((item) => ({
      id: item.guid,
      url: item.url,
      title: item.title,
      content_html: item.html,
      content_text: item.text,
      summary: item.summary,
      ...(item.photo?.main ? { image: item.photo.main.url } : {}),
      date_published: rfc3339(item.published, item.timezone),
      date_modified: rfc3339(item.updated, item.timezone),
      authors: [{ name: item.creator }],
      tags: item.categories.map((c) => c.term),
      language: 'id',
      ...(item.photo?.main
        ? { attachments: [{ url: item.photo.main.url, mime_type: item.photo.main.type, size_in_bytes: item.photo.main.bytes, ...(item.photo.alt ? { title: item.photo.alt } : {}) }] }
        : {}),
      _gaung: {
        unit: item.unitCode,
        ...(item.embargoUntil ? { embargo_until: rfc3339(item.embargoUntil, item.timezone) } : {}),
        ...(item.photo ? { renditions: item.photo.renditions.map((r) => ({ url: r.url, mime_type: r.type, width: r.width, height: r.height, size_in_bytes: r.bytes })) } : {}),
      },
    })),
  };
  return JSON.stringify(document);
}
