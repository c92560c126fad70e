import { Inject, Injectable } from '@nestjs/common';
import { GAUNG_CONFIG, type GaungConfig } from '../config/gaung-config';
import { CONTENT_TYPE, FILE_EXT } from '../media/renditions';
import { itemCategories } from './feed-categories';
import { humanTime } from './feed-dates';
import { type FeedDocument, type FeedFormat, type FeedItem, type FeedPhoto, type FeedRendition, type FeedScope } from './feed-model';
import { FeedRepository, type RenditionRow, type StoryRow } from './feed-repository';
import { cleanLine, paragraphs, releaseHtml, summaryOf } from './feed-text';
import { stripInvisible } from '../common/text/invisible';
import { renderAtom } from './serializers/atom';
import { renderJsonFeed } from './serializers/json-feed';
import { renderRss } from './serializers/rss';

/** An empty feed's date: fixed, so that the same (empty) content always gives the same bytes and ETag. */
const EPOCH = new Date('2026-01-01T00:00:00Z');

export interface BuiltFeed {
  body: string;
  items: number;
  /** When the body goes stale by itself (an embargo it shows ends); null when only data changes matter. */
  validUntil: Date | null;
}

/**
 * Builds a feed's body from the database. The body depends on the data only (no build time), so
 * every instance builds the same bytes for the same content and ETags agree behind a load balancer.
 */
@Injectable()
export class FeedBuilder {
  constructor(
    private readonly repository: FeedRepository,
    @Inject(GAUNG_CONFIG) private readonly config: GaungConfig,
  ) {}

  async build(scope: FeedScope, format: FeedFormat, path: string, now: Date): Promise<BuiltFeed> {
    const rows = await this.repository.stories(scope, now, this.config.feedItems);
    const renditions = await this.repository.renditions(rows.map((r) => r.id));
    const items = rows.map((row) => this.item(row, renditions.filter((r) => r.story_id === row.id), now));
    const document: FeedDocument = {
      format,
      ...this.describe(scope),
      selfUrl: `${this.config.publicBaseUrl}${path}`,
      homeUrl: `${this.config.publicBaseUrl}/rilis`,
      hubUrl: scope.kind === 'partner' ? null : (this.config.websubHubUrl ?? null),
      timezone: scope.kind === 'unit' ? scope.unit.timezone : 'Asia/Jakarta',
      updated: items.reduce<Date | null>((max, i) => (!max || i.updated > max ? i.updated : max), null) ?? EPOCH,
      items,
    };
    const embargoes = items.filter((i) => i.embargoUntil).map((i) => i.embargoUntil!.getTime());
    // a second line of defence behind cleanText: nothing invisible in any field of any format
    return { body: stripInvisible(this.render(document, scope)), items: items.length, validUntil: embargoes.length ? new Date(Math.min(...embargoes)) : null };
  }

  private render(document: FeedDocument, scope: FeedScope): string {
    const categories = `${this.config.publicBaseUrl}/feeds/categories/`;
    if (document.format === 'rss') return renderRss(document, categories);
    if (document.format === 'json') return renderJsonFeed(document);
    // a partner's Atom id must not carry its token (ids are meant to be shown and kept)
    const id = scope.kind === 'partner' ? `urn:gaung:partner:${scope.partnerId}` : document.selfUrl;
    return renderAtom(document, id, categories);
  }

  private describe(scope: FeedScope): { title: string; description: string } {
    switch (scope.kind) {
      case 'all':
        return { title: 'Siaran Pers Humas Polri', description: 'Siaran pers terbaru Humas Polri: penanganan laporan warga, apresiasi warga, dan kegiatan satuan.' };
      case 'unit':
        return { title: `Siaran Pers Humas ${cleanLine(scope.unit.name)}`, description: `Siaran pers Humas ${cleanLine(scope.unit.name)} dan satuan di bawahnya.` };
      case 'category':
        return { title: `Siaran Pers Humas Polri: ${scope.label}`, description: `Siaran pers Humas Polri dalam kategori ${scope.label}.` };
      case 'partner':
        return {
          title: `Siaran Pers Humas Polri untuk ${cleanLine(scope.partnerName)}`,
          description: 'Feed mitra media: termasuk siaran pers yang masih di bawah embargo, ditandai dengan waktu berakhirnya embargo. Jangan disiarkan sebelum waktu itu.',
        };
    }
  }

  private item(row: StoryRow, renditions: RenditionRow[], now: Date): FeedItem {
    const parts = paragraphs(row.body);
    const published = row.published_at ?? row.approved_at ?? row.draft_updated_at;
    const embargoUntil = row.status !== 'published' && row.embargo_until && row.embargo_until > now ? row.embargo_until : null;
    let title = cleanLine(row.title);
    let summary = summaryOf(parts);
    if (embargoUntil) {
      const until = humanTime(embargoUntil, row.timezone);
      title = `[EMBARGO hingga ${until}] ${title}`;
      summary = `EMBARGO: jangan disiarkan sebelum ${until}. ${summary}`;
    }
    return {
      storyId: row.id,
      guid: `urn:uuid:${row.id}`,
      url: `${this.config.publicBaseUrl}/rilis/${encodeURIComponent(row.slug)}`,
      title,
      summary,
      html: releaseHtml(parts),
      text: parts.join('\n\n'),
      published,
      updated: row.draft_updated_at > published ? row.draft_updated_at : published,
      timezone: row.timezone,
      unitCode: row.unit_code,
      creator: `Humas ${cleanLine(row.unit_name)}`,
      categories: itemCategories(row.kind, row.category),
      embargoUntil,
      photo: this.photo(renditions),
    };
  }

  private photo(rows: RenditionRow[]): FeedPhoto | null {
    if (rows.length === 0) return null;
    const rendition = (r: RenditionRow): FeedRendition => ({
      name: r.name,
      type: CONTENT_TYPE[r.format],
      url: `${this.config.publicBaseUrl}/media/${r.media_id}/${r.name}.${FILE_EXT[r.format]}`,
      width: r.width, height: r.height, bytes: r.bytes,
    });
    const all = rows.map(rendition);
    const main = all.find((r) => r.name === 'web' && r.type === 'image/jpeg') ?? all.find((r) => r.type === 'image/jpeg') ?? null;
    const thumbnail = all.find((r) => r.name === 'thumb' && r.type === 'image/jpeg') ?? null;
    return { alt: cleanLine(rows[0].alt), renditions: main ? [main, ...all.filter((r) => r !== main)] : all, main, thumbnail };
  }
}
