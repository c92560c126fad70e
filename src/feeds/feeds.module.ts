import { Module } from '@nestjs/common';
import { FeedCache } from './cache/feed-cache.service';
import { FeedBuilder } from './feed-builder.service';
import { FeedChangeWatcher } from './feed-change-watcher.service';
import { FeedRepository } from './feed-repository';
import { FeedsController } from './feeds.controller';
import { FeedsService } from './feeds.service';
import { PartnerPullLog } from './partner-pull-log';
import { WebSubNotifier } from './websub-notifier';

/** RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the public and media partners (the press room has its own module). */
@Module({
  controllers: [FeedsController],
  providers: [FeedBuilder, FeedCache, FeedChangeWatcher, FeedRepository, FeedsService, PartnerPullLog, WebSubNotifier],
  exports: [FeedCache, PartnerPullLog],
})
export class FeedsModule {}
