/** Indonesian words for the codes the API uses, for the monthly page. */
export const KIND_LABEL: Record<string, string> = { complaint: 'Pengaduan', feedback: 'Umpan balik', achievement: 'Kegiatan & prestasi' };
export const STATUS_LABEL: Record<string, string> = {
  draft: 'Draf', in_review: 'Direview', approved: 'Disetujui', published: 'Terbit', rejected: 'Ditolak', withdrawn: 'Ditarik',
};
export const CHANNEL_LABEL: Record<string, string> = {
  website: 'Situs web', x: 'X', instagram: 'Instagram', facebook: 'Facebook', tiktok: 'TikTok', whatsapp: 'WhatsApp', telegram: 'Telegram',
};
export const OUTCOME_LABEL: Record<string, string> = {
  scheduled: 'Terjadwal', sending: 'Dikirim', retrying: 'Diulang', published: 'Terbit', awaiting_manual: 'Menunggu manual',
  unconfirmed: 'Belum pasti', failed: 'Gagal', cancelled: 'Batal', awaiting_reconnect: 'Menunggu akun dihubungkan ulang',
};

/** A duration in seconds as Indonesian words: "45 menit", "2 jam 15 menit", "1 hari 3 jam"; "–" when unknown. */
export function durationText(seconds: number | null): string {
  if (seconds === null) return '–';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} menit`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} jam ${minutes % 60} menit` : `${hours} jam`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} hari ${hours % 24} jam` : `${days} hari`;
}

/** Numbers with Indonesian thousands dots: 1.250. */
export const numberText = (n: number) => n.toLocaleString('id-ID');

/** The change from last month, signed ("+3", "−2", "0"). */
export function changeText(current: number | null, previous: number | null): string {
  if (current === null || previous === null) return '–';
  const delta = current - previous;
  return delta > 0 ? `+${numberText(delta)}` : delta < 0 ? `−${numberText(-delta)}` : '0';
}

/** The change of a duration: "+1 jam 5 menit", "−20 menit". */
export function durationChangeText(current: number | null, previous: number | null): string {
  if (current === null || previous === null) return '–';
  const delta = current - previous;
  if (delta === 0) return '0';
  return `${delta > 0 ? '+' : '−'}${durationText(Math.abs(delta))}`;
}
