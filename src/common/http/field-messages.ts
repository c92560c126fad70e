import type { FieldError } from '../problem/problem.exception';
import { fieldLabel } from './field-labels';
import type { FieldErrorCode, FieldProblem } from './validation';

const number = (n: number) => n.toLocaleString('id-ID');

/** What each code says in Indonesian, naming the field by its label. */
const TEMPLATES: Record<FieldErrorCode, (label: string, p: FieldProblem) => string> = {
  required: (l) => `${l} wajib diisi.`,
  too_short: (l, p) => `${l} terlalu pendek: paling sedikit ${number(p.min ?? 1)} karakter.`,
  too_long: (l, p) => `${l} terlalu panjang: paling banyak ${number(p.max ?? 0)} karakter.`,
  too_few: (l, p) => `${l}: paling sedikit ${number(p.min ?? 1)}.`,
  too_many: (l, p) => `${l}: paling banyak ${number(p.max ?? 0)}.`,
  duplicate: (l) => `${l}: ada yang tercantum dua kali.`,
  not_in_list: (l) => `Pilih ${l.charAt(0).toLowerCase()}${l.slice(1)} dari daftar.`,
  invalid_format: (l) => `${l} tidak sesuai format.`,
  invalid_datetime: (l) => `${l}: isi tanggal dan jam yang lengkap.`,
  invalid_email: (l) => `${l} harus berupa alamat email, mis. nama@contoh.id.`,
  invalid_url: (l) => `${l} harus berupa alamat web lengkap yang diawali https://.`,
  invalid_id: (l) => `${l} tidak dikenal.`,
  invalid_type: (l) => `${l} tidak valid.`,
  out_of_range: (l, p) => (p.min !== undefined && p.max !== undefined
    ? `${l} harus antara ${number(p.min)} dan ${number(p.max)}.`
    : p.max !== undefined ? `${l} paling besar ${number(p.max)}.` : `${l} paling kecil ${number(p.min ?? 0)}.`),
  unknown_field: (l) => `Isian "${l}" tidak dikenal.`,
  before_received: (l) => `${l} tidak boleh sebelum waktu laporan diterima.`,
  in_future: (l) => `${l} tidak boleh di masa depan.`,
  one_leader: () => 'Tandai hanya satu personel yang memimpin kegiatan.',
  in_past: (l) => `${l} harus di masa depan.`,
  not_found: (l) => `${l} tidak ditemukan.`,
  out_of_scope: (l) => `${l} berada di luar wilayah tugas Anda.`,
  invalid: (l) => `${l} tidak valid.`,
};

/** Messages for one field and code that say more than the general ones (what a valid value looks like). */
const SPECIFIC: Readonly<Record<string, string>> = {
  'externalRef:invalid_format': 'Nomor referensi laporan hanya boleh berisi huruf, angka, spasi dan tanda . _ / : - ( ) , # (mis. LP/B/1187/XII/2026/SPKT).',
  'unitCode:invalid_format': 'Satuan tidak dikenal.',
  'complainant.phone:invalid_format': 'Telepon pelapor harus berupa nomor telepon, mis. 0812-8877-1234.',
  'author.phone:invalid_format': 'Telepon warga harus berupa nomor telepon, mis. 0812-8877-1234.',
  'complainant.nik:invalid_format': 'NIK pelapor harus 16 angka.',
  'resolvedAt:before_received': 'Selesai ditangani tidak boleh sebelum waktu Diterima.',
  'username:invalid_format': 'Nama pengguna 3-64 karakter: huruf, angka, titik, tanda hubung atau garis bawah.',
  'code:invalid_format': 'Kode hanya huruf besar, angka dan tanda hubung, mis. POLSEK-CILANDAK.',
  'password:too_short': 'Kata sandi paling sedikit 12 karakter.',
  'hashtags:invalid_format': 'Setiap tagar diawali #, tanpa spasi, mis. #PolriPresisi.',
  'reviewSlaHours:invalid_type': 'Batas waktu tinjauan harus berupa angka jam, mis. 24.',
  'rating:invalid_type': 'Pilih nilai 1 sampai 5.',
  'feeds:invalid_url': 'Setiap feed yang dipantau harus berupa alamat web lengkap yang diawali http:// atau https://.',
};

/** A field error in Indonesian; an error without a known code keeps its own message. */
export function indonesianMessage(error: FieldProblem, labels?: Readonly<Record<string, string>>): string {
  if (!error.code) return error.message;
  const generic = error.field.replace(/\[\d+\]/g, '[]');
  const specific = SPECIFIC[`${generic}:${error.code}`];
  if (specific && !labels?.[error.field] && !labels?.[generic]) return specific;
  return TEMPLATES[error.code](fieldLabel(error.field, labels), error);
}

/** Every error of a problem in Indonesian, keeping `field` and `code`. */
export function indonesianErrors(errors: readonly FieldError[], labels?: Readonly<Record<string, string>>): FieldProblem[] {
  return errors.map((e) => ({ ...(e as FieldProblem), message: indonesianMessage(e as FieldProblem, labels) }));
}
