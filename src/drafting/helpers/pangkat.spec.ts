import { HelperError } from './helper-error';
import { jabatanPangkatNama, normalisasiPangkat, pangkatNama } from './pangkat';

describe('pangkatNama', () => {
  it('puts the rank before the name', () => {
    expect(pangkatNama('Kompol', 'Hendro Saputra')).toBe('Kompol Hendro Saputra');
    expect(pangkatNama('Brigjen Pol', 'Rudi Hartono')).toBe('Brigjen Pol Rudi Hartono');
  });

  it.each([
    ['Kompol'], ['AKP'], ['Iptu'], ['Ipda'], ['Aipda'], ['Bripka'], ['Brigpol'], ['Briptu'], ['Bripda'],
    ['AKBP'], ['Kombes Pol'], ['Brigjen Pol'], ['Irjen Pol'], ['Komjen Pol'],
  ])('keeps %s in its own capitalisation however it was typed', (rank) => {
    expect(normalisasiPangkat(rank)).toBe(rank);
    expect(normalisasiPangkat(rank.toUpperCase())).toBe(rank);
    expect(normalisasiPangkat(rank.toLowerCase())).toBe(rank);
    expect(pangkatNama(`  ${rank.toLowerCase()} `, 'A')).toBe(`${rank} A`);
  });

  it('drops a trailing dot on a rank word and keeps unknown words as typed', () => {
    expect(normalisasiPangkat('KOMBES POL.')).toBe('Kombes Pol');
    expect(normalisasiPangkat('Penata Tk. I')).toBe('Penata Tk. I');
  });

  it('trims and collapses whitespace in rank and name, but keeps the name as written', () => {
    expect(pangkatNama(' Kompol\t', '  Hendro \n  Saputra ')).toBe('Kompol Hendro Saputra');
    expect(pangkatNama('Iptu', 'I Gede  Made')).toBe('Iptu I Gede Made');
    expect(pangkatNama('AKP', 'LA ODE Muhammad')).toBe('AKP LA ODE Muhammad');
  });

  it.each([[undefined], [null], [''], ['   ']])('gives the name alone when the rank is %p', (rank) => {
    expect(pangkatNama(rank, 'Hendro Saputra')).toBe('Hendro Saputra');
  });

  it('does not say the rank twice when the name was typed with it', () => {
    expect(pangkatNama('Kompol', 'Kompol Hendro Saputra')).toBe('Kompol Hendro Saputra');
    expect(pangkatNama('Kombes Pol', 'kombes pol Rudi')).toBe('Kombes Pol Rudi');
    expect(pangkatNama('AKP', 'Akpan Siregar')).toBe('AKP Akpan Siregar'); // whole words only
  });

  it.each([[undefined], [null], [''], ['  ']])('refuses a missing name (%p)', (name) => {
    expect(() => pangkatNama('Kompol', name)).toThrow(HelperError);
    expect(() => pangkatNama('Kompol', name)).toThrow('pangkatNama: nama kosong');
  });

  it('refuses objects rather than printing "[object Object]"', () => {
    expect(() => pangkatNama({ rank: 'Kompol' }, 'Hendro')).toThrow('pangkatNama: pangkat harus teks, bukan object');
    expect(() => pangkatNama('Kompol', ['Hendro'])).toThrow('pangkatNama: nama harus teks, bukan array');
  });
});

describe('jabatanPangkatNama', () => {
  it('names an official by position, rank and name on first mention', () => {
    expect(jabatanPangkatNama('Kapolsek Kebayoran Baru', 'Kompol', 'Hendro Saputra')).toBe(
      'Kapolsek Kebayoran Baru Kompol Hendro Saputra',
    );
    expect(jabatanPangkatNama(' Wakapolda  Kalbar ', 'BRIGJEN POL', 'Rudi Hartono')).toBe('Wakapolda Kalbar Brigjen Pol Rudi Hartono');
  });

  it('leaves out what is missing, except the name', () => {
    expect(jabatanPangkatNama(undefined, 'Kompol', 'Hendro Saputra')).toBe('Kompol Hendro Saputra');
    expect(jabatanPangkatNama('Kanit Binmas', null, 'Maria Simanjuntak')).toBe('Kanit Binmas Maria Simanjuntak');
    expect(() => jabatanPangkatNama('Kanit Binmas', 'AKP', undefined)).toThrow('pangkatNama: nama kosong');
  });
});
