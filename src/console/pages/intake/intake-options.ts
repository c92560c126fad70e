import { ACTIVITY_TYPES } from '../../../intake/dto/achievement.dto';
import { CONSENT_LEVELS } from '../../../intake/dto/common.dto';
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS } from '../../../intake/dto/complaint.dto';
import { FEEDBACK_SOURCES, SERVICE_TYPES } from '../../../intake/dto/feedback.dto';
import { CATEGORY_LABELS, SERVICE_LABELS } from '../../../intake/intake-rules';
import type { PiiKind } from '../../../intake/privacy/pii-masker';

/**
 * Indonesian labels for the values the intake DTOs accept. The lists themselves come from the
 * DTOs, so a value added there shows up here (with its code as label until it gets one).
 */
export interface Option {
  value: string;
  label: string;
}

const options = (values: readonly string[], labels: Record<string, string>): Option[] =>
  values.map((value) => ({ value, label: labels[value] ?? value }));

const CHANNEL_LABELS: Record<string, string> = {
  spkt: 'SPKT (datang langsung ke kantor)', call_center_110: 'Call Center 110', whatsapp: 'WhatsApp', social_media: 'Media sosial',
  app: 'Aplikasi pengaduan', walk_in: 'Datang langsung',
};
const SOURCE_LABELS: Record<string, string> = {
  survey: 'Survei', app: 'Aplikasi', social_media: 'Media sosial', whatsapp: 'WhatsApp', walk_in: 'Datang langsung',
  call_center_110: 'Call Center 110', website: 'Situs web',
};
const ACTIVITY_LABELS: Record<string, string> = {
  anev: 'Analisa dan evaluasi', pelatihan: 'Pelatihan', pelayanan: 'Pelayanan', pengamanan: 'Pengamanan', bakti_sosial: 'Bakti sosial',
  patroli: 'Patroli', penegakan_hukum: 'Penegakan hukum', sosialisasi: 'Sosialisasi', penghargaan: 'Penghargaan', lainnya: 'Lainnya',
};
export const CONSENT_LABELS: Record<string, string> = {
  none: 'Tidak ada persetujuan: tidak disebut sama sekali',
  anonymous: 'Anonim: disebut "seorang warga"',
  initials: 'Inisial saja (mis. A.W.)',
  name: 'Nama lengkap boleh disebut',
};
export const PII_LABELS: Record<PiiKind, string> = {
  nik: 'NIK', phone: 'nomor telepon', email: 'alamat email', plate: 'nomor polisi kendaraan', address: 'alamat rumah',
  bank: 'nomor rekening atau dompet digital', name: 'nama warga',
};

export const INTAKE_OPTIONS = {
  categories: options(COMPLAINT_CATEGORIES, CATEGORY_LABELS),
  channels: options(COMPLAINT_CHANNELS, CHANNEL_LABELS),
  serviceTypes: options(SERVICE_TYPES, SERVICE_LABELS),
  sources: options(FEEDBACK_SOURCES, SOURCE_LABELS),
  activityTypes: options(ACTIVITY_TYPES, ACTIVITY_LABELS),
  consentLevels: options(CONSENT_LEVELS, CONSENT_LABELS),
  ratings: [5, 4, 3, 2, 1].map((r) => ({ value: String(r), label: `${r} dari 5` })),
};

/** Readable names of the masked fields ("stages[1].label" -> "Tahap penanganan 2"). */
const FIELD_LABELS: Record<string, string> = {
  summary: 'Ringkasan laporan', resolution: 'Penyelesaian', quote: 'Kutipan pelapor', 'location.subdistrict': 'Kelurahan',
  'location.district': 'Kecamatan', 'location.place': 'Tempat', text: 'Isi umpan balik', title: 'Judul', narrative: 'Narasi',
};

export function fieldLabel(field: string): string {
  const stage = /^stages\[(\d+)\]\.label$/.exec(field);
  if (stage) return `Tahap penanganan ${Number(stage[1]) + 1}`;
  const quote = /^quotes\[(\d+)\]\.text$/.exec(field);
  if (quote) return `Kutipan ${Number(quote[1]) + 1}`;
  return FIELD_LABELS[field] ?? field;
}
