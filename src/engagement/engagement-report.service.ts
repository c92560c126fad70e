import { Injectable } from '@nestjs/common';
import { EngagementRepository } from './engagement.repository';

const n = (value: string | null): number | null => (value === null ? null : Number(value));

export interface EngagementSummary {
  /** Per channel: published posts, how many were measured, and their sums (null: the platform does not offer it). */
  byChannel: { channel: string; posts: number; measured: number; impressions: number | null; reach: number | null; views: number | null; engagements: number | null }[];
  topPosts: { storyId: string; title: string; channel: string; url: string | null; unitCode: string; engagements: number | null; reach: number | null; views: number | null; impressions: number | null }[];
  byUnit: { unitCode: string; unitName: string; posts: number; engagements: number | null; reach: number | null; views: number | null; impressions: number | null }[];
  /** What each platform's API does not give, in plain words (README "Engagement"). */
  notAvailable: Record<string, string>;
}

export const NOT_AVAILABLE: Record<string, string> = {
  x: 'X tidak memberi angka jangkauan (reach) lewat API publik.',
  facebook: 'Facebook tidak memberi jumlah tayangan (views) untuk posting Halaman biasa.',
  instagram: 'Instagram tidak lagi memberi impresi untuk media baru; yang tersedia: jangkauan dan tayangan.',
  tiktok: 'TikTok tidak memberi jangkauan maupun impresi; yang tersedia: tayangan.',
  telegram: 'Bot API Telegram tidak memberi jumlah tayangan posting kanal: tidak ada angka yang dibaca.',
};

/** Engagement figures of a unit subtree and period, for the reports and the monthly anev. */
@Injectable()
export class EngagementReport {
  constructor(private readonly repository: EngagementRepository) {}

  async summary(unitIds: string[], start: Date, end: Date): Promise<EngagementSummary> {
    const [channels, top, units] = await Promise.all([
      this.repository.byChannel(unitIds, start, end),
      this.repository.topPosts(unitIds, start, end, 10),
      this.repository.byUnit(unitIds, start, end),
    ]);
    return {
      byChannel: channels.map((c) => ({ channel: c.channel, posts: c.posts, measured: c.measured, impressions: n(c.impressions), reach: n(c.reach), views: n(c.views), engagements: n(c.engagements) })),
      topPosts: top.map((t) => ({ storyId: t.story_id, title: t.title, channel: t.channel, url: t.url, unitCode: t.unit_code, engagements: n(t.engagements), reach: n(t.reach), views: n(t.views), impressions: n(t.impressions) })),
      byUnit: units.map((u) => ({ unitCode: u.unit_code, unitName: u.unit_name, posts: u.posts, engagements: n(u.engagements), reach: n(u.reach), views: n(u.views), impressions: n(u.impressions) })),
      notAvailable: NOT_AVAILABLE,
    };
  }

  async forStory(storyId: string) {
    return (await this.repository.forStory(storyId)).map((m) => ({
      channel: m.channel, url: m.url, impressions: n(m.impressions), reach: n(m.reach), views: n(m.views), likes: n(m.likes), comments: n(m.comments),
      shares: n(m.shares), saves: n(m.saves), engagements: n(m.engagements), unavailable: m.unavailable, collectedAt: m.collected_at, nextCollectAt: m.next_collect_at,
      note: m.collected_at ? null : 'Belum dibaca: angka pertama diambil 1 jam setelah terbit.', notAvailable: NOT_AVAILABLE[m.channel] ?? null,
    }));
  }
}
