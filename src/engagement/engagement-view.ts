import { CHANNEL_LABEL, numberText } from '../reports/report-labels';
import type { EngagementSummary } from './engagement-report.service';

const figure = (value: number | null) => (value === null ? '–' : numberText(value));

/** The anev's engagement section, formatted (the template only places and escapes). */
export function engagementView(e: EngagementSummary) {
  return {
    channelRows: e.byChannel.map((c) => ({
      label: CHANNEL_LABEL[c.channel] ?? c.channel, posts: numberText(c.posts), measured: numberText(c.measured),
      reach: figure(c.reach), views: figure(c.views ?? c.impressions), engagements: figure(c.engagements),
    })),
    topPosts: e.topPosts.map((t, i) => ({ rank: i + 1, title: t.title, channel: CHANNEL_LABEL[t.channel] ?? t.channel, unitCode: t.unitCode, engagements: figure(t.engagements), audience: figure(t.reach ?? t.views ?? t.impressions) })),
    unitRows: e.byUnit.map((u) => ({ unitName: u.unitName, posts: numberText(u.posts), reach: figure(u.reach), views: figure(u.views ?? u.impressions), engagements: figure(u.engagements) })),
    notes: e.byChannel.map((c) => e.notAvailable[c.channel]).filter((note): note is string => typeof note === 'string'),
  };
}
