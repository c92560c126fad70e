import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { xmlText } from '../feed-text';
import type { FeedPhoto } from '../feed-model';

/**
 * Media RSS (https://www.rssboard.org/media-rss) for the story's main photo, shared by RSS and
 * Atom: one media:content per rendition (the website's `web` JPEG first and default), the alt
 * text as its description, and the `thumb` JPEG as media:thumbnail.
 */
export function addMediaElements(parent: XMLBuilder, photo: FeedPhoto): void {
  photo.renditions.forEach((r, i) => {
    const content = parent.ele('media:content', {
      url: xmlText(r.url), type: r.type, medium: 'image', width: String(r.width), height: String(r.height), fileSize: String(r.bytes),
      ...(i === 0 ? { isDefault: 'true' } : {}),
    });
    if (photo.alt) content.ele('media:description', { type: 'plain' }).txt(xmlText(photo.alt));
  });
  if (photo.thumbnail) {
    parent.ele('media:thumbnail', { url: xmlText(photo.thumbnail.url), width: String(photo.thumbnail.width), height: String(photo.thumbnail.height) });
  }
}
