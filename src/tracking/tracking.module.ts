import { Module } from '@nestjs/common';
import { FeedFetcher } from './fetch/feed-fetcher';
import { PartnersController } from './partners/partners.controller';
import { PartnersService } from './partners/partners.service';
import { PickupsController } from './pickups/pickups.controller';
import { PickupsService } from './pickups/pickups.service';
import { FeedPoller } from './polling/feed-poller.service';
import { RecentStories } from './polling/recent-stories';

/** Media partners, the poller of their feeds, and pickups of our stories (DESIGN.md §10). */
@Module({
  controllers: [PartnersController, PickupsController],
  providers: [FeedFetcher, FeedPoller, PartnersService, PickupsService, RecentStories],
  exports: [FeedPoller, PartnersService, PickupsService],
})
export class TrackingModule {}
