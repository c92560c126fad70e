import { awalKecil, judul, kutip } from './text-helpers';

describe('judul (Indonesian headline case)', () => {
  it('keeps prepositions and conjunctions lower case inside a title, acronyms and numbers as they are', () => {
    expect(judul('polsek kebayoran baru kembalikan motor warga yang hilang dalam 9 jam')).toBe('Polsek Kebayoran Baru Kembalikan Motor Warga yang Hilang dalam 9 Jam');
    expect(judul('layanan SKCK dan SIM di SPKT untuk warga oleh TKP')).toBe('Layanan SKCK dan SIM di SPKT untuk Warga oleh TKP');
    expect(judul('dalam 8 jam')).toBe('Dalam 8 Jam');
    expect(judul('dalam 8 jam', true)).toBe('dalam 8 Jam');
    expect(judul('bimtek lantas: layani dengan humanis')).toBe('Bimtek Lantas: Layani dengan Humanis');
    expect(judul('anak-anak sekolah dan e-KTP @polsek #PolriPresisi')).toBe('Anak-Anak Sekolah dan e-KTP @polsek #PolriPresisi');
  });
});

describe('awalKecil and kutip', () => {
  it('lowers a label\'s first letter unless it starts a name, a police unit or an acronym', () => {
    expect(awalKecil('Piket Reskrim tiba di lokasi')).toBe('piket Reskrim tiba di lokasi');
    expect(awalKecil('Propam memeriksa oknum')).toBe('Propam memeriksa oknum');
    expect(awalKecil('SPKT menerbitkan surat')).toBe('SPKT menerbitkan surat');
  });

  it('puts no comma after ! or ? or an ellipsis before the closing quote', () => {
    expect(kutip('cepat sekali!')).toBe('“cepat sekali!”');
    expect(kutip('terima kasih.')).toBe('“terima kasih,”');
    expect(kutip('pelayanannya…')).toBe('“pelayanannya…”');
  });
});
