import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { ProblemException } from '../common/problem/problem.exception';
import { FeedCache } from './cache/feed-cache.service';
import type { FeedEntry } from './cache/feed-entry';
import { FeedBuilder } from './feed-builder.service';
import { categoryScope } from './feed-categories';
import { FeedChangeWatcher } from './feed-change-watcher.service';
import { CONTENT_TYPES, FEED_FILES, type FeedFile, type FeedScope } from './feed-model';
import { FeedRepository } from './feed-repository';

/** Partner tokens as the tracking module issues them: URL-safe, long. Anything else is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{16,200}$/;

export interface ServedFeed {
  entry: FeedEntry;
  /** Set for partner feeds (their pulls are logged). */
  partnerId?: string;
}

/** Resolves a feed route to its scope (404 for unknown units, categories, files and tokens) and its cached body. */
@Injectable()
export class FeedsService {
  constructor(
    private readonly cache: FeedCache,
    private readonly builder: FeedBuilder,
    private readonly repository: FeedRepository,
    private readonly watcher: FeedChangeWatcher,
    private readonly clock: Clock,
  ) {}

  all(file: string): Promise<ServedFeed> {
    return this.serve({ kind: 'all' }, this.fileOf(file), `/feeds/${file}`);
  }

  async unit(code: string, file: string): Promise<ServedFeed> {
    const feedFile = this.fileOf(file);
    // codes are stored in capitals; a partner typing /feeds/units/polsek-... should still get the feed
    const unit = await this.repository.unit(code.toUpperCase());
    if (!unit) throw ProblemException.notFound(`Unit ${code}`);
    return this.serve({ kind: 'unit', unit }, feedFile, `/feeds/units/${encodeURIComponent(unit.code)}/${file}`);
  }

  category(slug: string, file: string): Promise<ServedFeed> {
    const feedFile = this.fileOf(file);
    const category = categoryScope(slug);
    if (!category) throw ProblemException.notFound(`Category ${slug}`);
    return this.serve({ kind: 'category', ...category }, feedFile, `/feeds/categories/${encodeURIComponent(slug)}/${file}`);
  }

  /** A partner's feed: unknown, rotated or deactivated tokens are all simply not found. */
  async partner(token: string, file: string): Promise<ServedFeed> {
    const feedFile = this.fileOf(file);
    const partner = TOKEN.test(token) ? await this.repository.partnerByTokenHash(createHash('sha256').update(token).digest('hex')) : null;
    if (!partner) throw ProblemException.notFound('The feed');
    const scope: FeedScope = { kind: 'partner', partnerId: partner.id, partnerName: partner.name, token, unitId: partner.unit_id };
    const served = await this.serve(scope, feedFile, `/feeds/partners/${encodeURIComponent(token)}/${file}`, `partner:${partner.id}:${file}`);
    return { ...served, partnerId: partner.id };
  }

  private fileOf(file: string): FeedFile {
    if (!Object.hasOwn(FEED_FILES, file)) throw ProblemException.notFound(`The feed ${file}`);
    return file as FeedFile;
  }

  private async serve(scope: FeedScope, file: FeedFile, path: string, key = path): Promise<ServedFeed> {
    await this.watcher.ready();
    const format = FEED_FILES[file];
    const entry = await this.cache.obtain(key, async () => {
      const built = await this.builder.build(scope, format, path, this.clock.now());
      return { body: built.body, items: built.items, validUntil: built.validUntil, contentType: CONTENT_TYPES[format], isPublic: scope.kind !== 'partner' };
    });
    return { entry };
  }
}
