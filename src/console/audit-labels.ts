import { CHANNEL_LABELS } from './console-helpers';

/** The audit trail in the officer's words (unknown actions show their code). */
const AUDIT_LABELS: Record<string, string> = {
  'story.create': 'Cerita dibuat', 'story.submit': 'Diajukan untuk ditinjau', 'story.approve': 'Disetujui', 'story.urgent': 'Disetujui mendesak',
  'story.confirm': 'Publikasi mendesak dikonfirmasi', 'story.reject': 'Dikembalikan ke penulis', 'story.withdraw': 'Ditarik', 'story.publish': 'Terbit',
  'story.comment': 'Komentar', 'story.lint_override': 'Lint dikecualikan', 'story.media': 'Foto cerita diubah', 'draft.edit': 'Draf disunting',
  'draft.regenerate': 'Draf dibuat ulang dari templat', 'draft.restore': 'Revisi lama dipulihkan', 'publication.schedule': 'Publikasi dijadwalkan',
  'publication.reschedule': 'Jadwal publikasi diubah', 'publication.confirm': 'Posting dikonfirmasi', 'publication.post': 'Posting manual dicatat',
  'publication.retry': 'Publikasi dicoba ulang', 'publication.cancel': 'Publikasi dibatalkan', 'publication.removed': 'Posting luar ditandai sudah dihapus',
  'complaint.correct': 'Data laporan dikoreksi', 'achievement.correct': 'Data kegiatan dikoreksi',
};

const channelOf = (details: Record<string, unknown> | null) => {
  const channel = typeof details?.channel === 'string' ? details.channel : null;
  return channel ? ` ${CHANNEL_LABELS[channel] ?? channel}` : '';
};

/** "Draf X disunting (revisi 3)", "Publikasi dibatalkan: Instagram": the action with what it was done to. */
export function auditLabel(action: string, details: Record<string, unknown> | null): string {
  const base = AUDIT_LABELS[action] ?? action;
  if (action === 'draft.edit' || action === 'draft.restore') {
    const revision = typeof details?.revision === 'number' ? ` (revisi ${details.revision})` : '';
    return `Draf${channelOf(details)} ${action === 'draft.edit' ? 'disunting' : 'dipulihkan dari revisi lama'}${revision}`;
  }
  if (action.startsWith('publication.') && channelOf(details)) return `${base}:${channelOf(details)}`;
  return base;
}
