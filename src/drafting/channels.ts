/** The channels a story is drafted for, and each one's rules (DESIGN.md §8). */
export const CHANNELS = ['website', 'x', 'instagram', 'facebook', 'tiktok', 'whatsapp', 'telegram'] as const;
export type Channel = (typeof CHANNELS)[number];

export const STORY_KINDS = ['complaint', 'feedback', 'achievement'] as const;
export type StoryKind = (typeof STORY_KINDS)[number];

export interface ChannelRule {
  /** Maximum body length; for x it is twitter-text's weighted count. */
  maxLength: number;
  maxTitle?: number;
  maxHashtags?: number;
  /** The channel cannot post without an image. */
  needsImage: boolean;
  /** Whether the body is measured by X's weighted count (URLs count 23). */
  weighted?: boolean;
  /** A photo caption limit, when the post goes out as a photo with caption (Telegram). */
  maxCaption?: number;
}

export const CHANNEL_RULES: Readonly<Record<Channel, ChannelRule>> = {
  website: { maxLength: 20_000, maxTitle: 120, needsImage: false },
  x: { maxLength: 280, weighted: true, maxHashtags: 3, needsImage: false },
  instagram: { maxLength: 2_200, maxHashtags: 30, needsImage: true },
  facebook: { maxLength: 63_206, needsImage: false },
  tiktok: { maxLength: 2_200, maxHashtags: 30, needsImage: true },
  whatsapp: { maxLength: 4_096, needsImage: false },
  telegram: { maxLength: 4_096, maxCaption: 1_024, needsImage: false },
};

export const isChannel = (value: string): value is Channel => (CHANNELS as readonly string[]).includes(value);
