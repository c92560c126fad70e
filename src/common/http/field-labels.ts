/**
 * The Indonesian labels of the fields officers fill in, by the API's field path with array
 * indexes written "[]" ("stages[].at"); "#" in a label is replaced by the row number (index + 1).
 * The console's forms show these same labels beside their inputs (form-fields.ts), so a message
 * names a field exactly as the officer sees it. Paths are shared by several calls where they mean
 * the same thing (unitCode, reason, url); a form with its own meaning passes its own labels.
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  // intake: complaint
  externalRef: 'Nomor referensi laporan', unitCode: 'Satuan', category: 'Kategori', channel: 'Saluran laporan',
  receivedAt: 'Diterima', resolvedAt: 'Selesai ditangani', location: 'Lokasi', 'location.subdistrict': 'Kelurahan/desa',
  'location.district': 'Kecamatan', 'location.city': 'Kota/kabupaten', 'location.place': 'Tempat', summary: 'Ringkasan laporan',
  resolution: 'Penyelesaian', stages: 'Tahap penanganan', 'stages[]': 'Tahap penanganan #', 'stages[].at': 'Waktu tahap #',
  'stages[].label': 'Keterangan tahap #', complainant: 'Pelapor', 'complainant.name': 'Nama pelapor',
  'complainant.phone': 'Telepon pelapor', 'complainant.email': 'Email pelapor', 'complainant.nik': 'NIK pelapor',
  consent: 'Persetujuan', 'consent.level': 'Tingkat persetujuan', 'consent.quote': 'Persetujuan dikutip',
  'consent.givenAt': 'Waktu persetujuan', 'consent.method': 'Cara persetujuan diberikan', quote: 'Kutipan pelapor',
  mediaIds: 'Foto', 'mediaIds[]': 'Foto #',
  // intake: feedback
  serviceType: 'Layanan', rating: 'Nilai', text: 'Isi umpan balik', source: 'Sumber', author: 'Warga', 'author.name': 'Nama warga',
  'author.phone': 'Telepon warga', 'author.email': 'Email warga',
  // intake: achievement
  title: 'Judul', activityType: 'Jenis kegiatan', happenedAt: 'Waktu kegiatan', narrative: 'Narasi', participants: 'Personel',
  'participants[]': 'Personel #', 'participants[].rank': 'Pangkat personel #', 'participants[].name': 'Nama personel #',
  'participants[].position': 'Jabatan personel #', quotes: 'Kutipan pejabat', 'quotes[]': 'Kutipan #', 'quotes[].speaker': 'Pembicara kutipan #',
  'quotes[].speaker.rank': 'Pangkat pembicara kutipan #', 'quotes[].speaker.name': 'Nama pembicara kutipan #',
  'quotes[].speaker.position': 'Jabatan pembicara kutipan #', 'quotes[].text': 'Isi kutipan #',
  // story actions and publishing
  reason: 'Alasan', body: 'Teks', revision: 'Revisi', channels: 'Kanal', 'channels[]': 'Kanal #', at: 'Tanggal dan jam',
  embargoUntil: 'Embargo sampai', url: 'URL posting', target: 'Grup atau akun tujuan', override: 'Pengecualian lint',
  // admin and partners
  username: 'Nama pengguna', displayName: 'Nama tampilan', rank: 'Pangkat', role: 'Peran', password: 'Kata sandi', active: 'Status aktif',
  code: 'Kode', name: 'Nama', level: 'Tingkat', parentCode: 'Satuan induk', city: 'Kota', timezone: 'Zona waktu',
  approvalPolicy: 'Persetujuan', reviewSlaHours: 'Batas waktu tinjauan', hashtags: 'Tagar', 'hashtags[]': 'Tagar #',
  kind: 'Jenis', website: 'Situs', contact: 'Kontak redaksi', feeds: 'Feed yang dipantau', 'feeds[]': 'Feed #', month: 'Bulan',
  from: 'Dari tanggal', to: 'Sampai tanggal',
};

/** "stages[2].at" -> "stages[].at" and the row number 3 (the last index in the path). */
function generic(field: string): { key: string; row: number | null } {
  let row: number | null = null;
  const key = field.replace(/\[(\d+)\]/g, (_m, index: string) => {
    row = Number(index) + 1;
    return '[]';
  });
  return { key, row };
}

/**
 * The label of a field path: the form's own labels first, then the shared ones, then the path
 * of its parent ("location.x" -> "Lokasi"); an unknown field keeps its name so it is still named.
 */
export function fieldLabel(field: string, own: Readonly<Record<string, string>> = {}): string {
  const { key, row } = generic(field);
  const label = own[field] ?? own[key] ?? FIELD_LABELS[key];
  if (label) return row === null ? label : label.replace('#', String(row));
  return field;
}
