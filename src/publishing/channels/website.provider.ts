import { Injectable } from '@nestjs/common';
import type { ChannelProvider, PublishOutcome, PublishRequest } from './channel-provider';

/**
 * The press room and the feeds: internal, no call goes out. Publishing it is the moment the
 * story goes live; the dispatcher marks the story published on this outcome (DESIGN.md §9).
 */
@Injectable()
export class WebsiteProvider implements ChannelProvider {
  async publish(request: PublishRequest): Promise<PublishOutcome> {
    return { kind: 'published', externalId: request.storyId, url: request.url };
  }
}
