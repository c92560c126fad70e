import { fieldLabel } from './field-labels';
import { indonesianMessage } from './field-messages';
import { prefersIndonesian } from './localise-problems.interceptor';

describe('field messages in Indonesian', () => {
  it('names the field by its label, rows by their number', () => {
    expect(fieldLabel('location.subdistrict')).toBe('Kelurahan/desa');
    expect(fieldLabel('stages[2].at')).toBe('Waktu tahap 3');
    expect(fieldLabel('quotes[0].speaker.name')).toBe('Nama pembicara kutipan 1');
    expect(fieldLabel('name', { name: 'Nama media' })).toBe('Nama media');
    expect(fieldLabel('somethingElse')).toBe('somethingElse');
  });

  it.each([
    [{ field: 'location', code: 'required', message: 'location is required' }, 'Lokasi wajib diisi.'],
    [{ field: 'summary', code: 'too_long', max: 2000, message: 'x' }, 'Ringkasan laporan terlalu panjang: paling banyak 2.000 karakter.'],
    [{ field: 'title', code: 'too_short', min: 3, message: 'x' }, 'Judul terlalu pendek: paling sedikit 3 karakter.'],
    [{ field: 'category', code: 'not_in_list', message: 'x' }, 'Pilih kategori dari daftar.'],
    [{ field: 'stages[1].at', code: 'invalid_datetime', message: 'x' }, 'Waktu tahap 2: isi tanggal dan jam yang lengkap.'],
    [{ field: 'rating', code: 'out_of_range', min: 1, max: 5, message: 'x' }, 'Nilai harus antara 1 dan 5.'],
    [{ field: 'resolvedAt', code: 'before_received', message: 'x' }, 'Selesai ditangani tidak boleh sebelum waktu Diterima.'],
    [{ field: 'receivedAt', code: 'in_future', message: 'x' }, 'Diterima tidak boleh di masa depan.'],
    [{ field: 'complainant.nik', code: 'invalid_format', message: 'x' }, 'NIK pelapor harus 16 angka.'],
    [{ field: 'unitCode', code: 'out_of_scope', message: 'x' }, 'Satuan berada di luar wilayah tugas Anda.'],
  ] as const)('%j', (error, text) => {
    expect(indonesianMessage(error as never)).toBe(text);
  });

  it('keeps a message that has no code (a service\'s own words)', () => {
    expect(indonesianMessage({ field: 'role', message: 'Anda tidak dapat mengubah peran akun sendiri.' })).toBe('Anda tidak dapat mengubah peran akun sendiri.');
  });

  it('reads Accept-Language: Indonesian only when it leads', () => {
    expect(prefersIndonesian('id')).toBe(true);
    expect(prefersIndonesian('id-ID,id;q=0.9,en;q=0.8')).toBe(true);
    expect(prefersIndonesian('en-US,en;q=0.9,id;q=0.8')).toBe(false);
    expect(prefersIndonesian('en;q=0.5, id;q=0.9')).toBe(true);
    expect(prefersIndonesian('in')).toBe(true);
    expect(prefersIndonesian(undefined)).toBe(false);
    expect(prefersIndonesian('id;q=0')).toBe(false);
  });
});
