import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GAUNG_CONFIG, type GaungConfig } from '../config/gaung-config';
import type { Channel } from '../drafting/channels';
import { MediaStore } from '../media/media-store';
import { renditionKey } from '../media/renditions';
import { ChannelAccounts } from './channel-accounts.service';
import type { ChannelMode, PublishRequest } from './channels/channel-provider';

/** The rendition each channel posts (DESIGN.md §4, issue 4); exported for the console's manual posting page. */
export const RENDITION: Record<Channel, string> = {
  website: 'web', x: 'landscape', instagram: 'square', facebook: 'og', tiktok: 'portrait', whatsapp: 'square', telegram: 'web',
};

export interface ClaimedPublication {
  id: string;
  story_id: string;
  channel: Channel;
  mode: 'internal' | ChannelMode;
  attempts: number;
}

/** Builds what a provider needs; null when the story may no longer go out (withdrawn meanwhile). */
@Injectable()
export class PublicationRequestBuilder {
  constructor(
    private readonly accounts: ChannelAccounts,
    private readonly store: MediaStore,
    @Inject(GAUNG_CONFIG) private readonly config: GaungConfig,
  ) {}

  async build(manager: EntityManager, publication: ClaimedPublication): Promise<PublishRequest | null> {
    const [row] = await manager.query(
      `SELECT s.status, s.slug, s.unit_id, u.code, u.name, d.title, d.body
         FROM story s JOIN unit u ON u.id = s.unit_id LEFT JOIN draft d ON d.story_id = s.id AND d.channel = $2
        WHERE s.id = $1`,
      [publication.story_id, publication.channel],
    );
    if (!row || !['approved', 'published'].includes(row.status) || row.body === null) return null;
    const rendition = RENDITION[publication.channel];
    const media: { id: string; alt: string | null; sha256: string; format: 'jpeg' }[] = await manager.query(
      `SELECT m.id, m.alt, r.sha256, r.format FROM story_media sm JOIN media m ON m.id = sm.media_id
         JOIN media_rendition r ON r.media_id = m.id AND r.name = $2 AND r.format = 'jpeg'
        WHERE sm.story_id = $1 ORDER BY sm.position`,
      [publication.story_id, rendition],
    );
    const account = publication.mode === 'internal'
      ? { mode: 'api' as const, handle: null, credentials: {} }
      : await this.accounts.resolve(manager, row.unit_id, publication.channel);
    return {
      publicationId: publication.id,
      storyId: publication.story_id,
      channel: publication.channel,
      unit: { code: row.code, name: row.name },
      title: row.title,
      text: row.body,
      url: `${this.config.publicBaseUrl}/rilis/${row.slug}`,
      media: media.map((m) => ({
        url: `${this.config.publicBaseUrl}/media/${m.id}/${renditionKey(rendition, m.format)}`,
        file: this.store.pathOf({ sha256: m.sha256, format: m.format }),
        alt: m.alt,
        mimeType: 'image/jpeg',
      })),
      account,
    };
  }
}
