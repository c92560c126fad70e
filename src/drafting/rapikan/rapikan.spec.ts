import fc from 'fast-check';
import { kalimatKalimat, potongKalimat } from './kalimat';
import { rapikan, rapikanJudul } from './rapikan';

describe('rapikan', () => {
  it('mends spacing, repeated marks and the sentence starts', () => {
    expect(rapikan('terima kasih pak polisi,cepat sekali!!! motor sdh kembali')).toBe('Terima kasih pak polisi, cepat sekali! Motor sudah kembali');
    expect(rapikan('pelaku ( 24 ) diamankan ,lalu diperiksa .')).toBe('Pelaku (24) diamankan, lalu diperiksa.');
    expect(rapikan('bagus.sekali??')).toBe('Bagus. Sekali?');
  });

  it('expands known chat abbreviations in the word\'s own case; informal spellings only in operator text', () => {
    expect(rapikan('yg lapor tdk tahu krn sdh malam, tp utk dgn lg bgt mks')).toBe('Yang lapor tidak tahu karena sudah malam, tapi untuk dengan lagi banget makasih');
    expect(rapikan('motor ilang, pelaku udah ketangkep', { baku: true })).toBe('Motor hilang, pelaku sudah ketangkep');
    expect(rapikan('motor ilang bgt', {})).toBe('Motor ilang banget');
    expect(rapikan('bagus bgt', { baku: true })).toBe('Bagus sekali');
  });

  it('puts runs in capitals into sentence case, keeping acronyms, police words and names', () => {
    expect(rapikan('WARGA LAPOR MOTOR HILANG DI JALAN SISINGAMANGARAJA, PELAKU DIAMANKAN UNIT RESKRIM POLSEK KEBAYORAN BARU', { namaDiri: ['Polsek Kebayoran Baru'] }))
      .toBe('Warga lapor motor hilang di Jalan Sisingamangaraja, pelaku diamankan unit Reskrim Polsek Kebayoran Baru');
    expect(rapikan('TELAH TERJADI TAWURAN ANTAR WARGA DUA DUSUN SETELAH PERTANDINGAN')).toBe('Telah terjadi tawuran antar warga dua dusun setelah pertandingan');
    expect(rapikan('pelayanan SKCK di SPKT cepat')).toBe('Pelayanan SKCK di SPKT cepat');
    expect(rapikan('olah tkp dan cek cctv oleh propam')).toBe('Olah TKP dan cek CCTV oleh Propam');
  });

  it('never touches links, handles, hashtags, addresses or masked parts', () => {
    const text = 'lihat https://polri.go.id/a.b?x=1 dan @polsek_kebayoranbaru #PolriPresisi, email humas@polri.go.id, alamat [alamat disamarkan] ya';
    expect(rapikan(text)).toBe('Lihat https://polri.go.id/a.b?x=1 dan @polsek_kebayoranbaru #PolriPresisi, email humas@polri.go.id, alamat [alamat disamarkan] ya');
  });

  it('drops emoji only when asked (a release quotes words)', () => {
    expect(rapikan('terima kasih pak 🙏🙏', { tanpaEmoji: true })).toBe('Terima kasih pak');
    expect(rapikan('terima kasih pak 🙏')).toBe('Terima kasih pak 🙏');
  });

  it('neither adds nor drops a word of substance, whatever the input', () => {
    const word = fc.constantFrom('warga', 'MOTOR', 'hilang', 'Polsek', 'pelaku', 'diamankan', 'jl', '24', 'A.W.', '[nomor telepon disamarkan]', 'sekali', 'pak');
    const glue = fc.constantFrom(' ', ',', ', ', '!!', ' .', '. ', '  ', '(', ')');
    const text = fc.array(fc.tuple(word, glue), { maxLength: 20 }).map((parts) => parts.map(([w, g]) => w + g).join(''));
    const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}[\]]/gu, '').replace(/^jl/, '');
    fc.assert(fc.property(text, (t) => letters(rapikan(t)).replace(/jl/g, '') === letters(t).replace(/jl/g, '')), { numRuns: 2000 });
    fc.assert(fc.property(text, (t) => !rapikan(t).includes('  ')), { numRuns: 500 });
  });

  it('turns a title in capitals into words a headline helper can case', () => {
    expect(rapikanJudul('BAKSOS KESEHATAN DAN SEMBAKO DI KAMPUNG NELAYAN PAOTERE', ['Kampung Nelayan Paotere'])).toBe('Baksos kesehatan dan sembako di Kampung Nelayan Paotere');
  });
});

describe('kalimatKalimat and potongKalimat', () => {
  it('splits at sentence ends, not at abbreviations, initials or times', () => {
    expect(kalimatKalimat('Pelaku berinisial A.W. (24) diamankan di Jl. Sudirman No. 5. Diperiksa pukul 07.15 WIB. Selesai!'))
      .toEqual(['Pelaku berinisial A.W. (24) diamankan di Jl. Sudirman No. 5.', 'Diperiksa pukul 07.15 WIB.', 'Selesai!']);
  });

  it('keeps whole sentences for short channels, and cuts a single long one at a word', () => {
    expect(potongKalimat('Terima kasih banyak. Pelayanan cepat sekali dan ramah, saya puas dengan semua petugas.', 40)).toBe('Terima kasih banyak.');
    expect(potongKalimat('Pelayanan cepat sekali dan ramah, saya puas dengan semua petugas yang bertugas hari itu', 40)).toBe('Pelayanan cepat sekali dan ramah…');
    expect(potongKalimat('Pendek.', 40)).toBe('Pendek.');
  });
});
