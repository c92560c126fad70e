import { Injectable } from '@nestjs/common';
import type { ChannelProvider, PublishOutcome } from './channel-provider';

/**
 * WhatsApp groups and accounts without API access: nothing is sent. The publication waits as
 * awaiting_manual; the console shows the text, image and a share link, and an officer confirms
 * the post's URL.
 */
@Injectable()
export class ManualProvider implements ChannelProvider {
  async publish(): Promise<PublishOutcome> {
    return { kind: 'awaiting_manual' };
  }
}
