/** Indonesian labels used in drafts for the codes stored at intake. */
export const INTAKE_CHANNEL_LABELS: Record<string, string> = {
  spkt: 'SPKT', call_center_110: 'Call Center 110', whatsapp: 'WhatsApp', social_media: 'media sosial',
  app: 'aplikasi Polisi Kita', walk_in: 'kunjungan langsung ke kantor polisi',
};

export const FEEDBACK_SOURCE_LABELS: Record<string, string> = {
  survey: 'survei kepuasan', app: 'aplikasi Polisi Kita', social_media: 'media sosial', whatsapp: 'WhatsApp',
  walk_in: 'kotak saran', call_center_110: 'Call Center 110', website: 'situs web',
};

export const ACTIVITY_LABELS: Record<string, string> = {
  anev: 'analisa dan evaluasi', pelatihan: 'pelatihan', pelayanan: 'pelayanan', pengamanan: 'pengamanan',
  bakti_sosial: 'bakti sosial', patroli: 'patroli', penegakan_hukum: 'penegakan hukum', sosialisasi: 'sosialisasi',
  penghargaan: 'penghargaan', lainnya: 'kegiatan',
};

export { CATEGORY_LABELS, SERVICE_LABELS } from '../../intake/intake-rules';
