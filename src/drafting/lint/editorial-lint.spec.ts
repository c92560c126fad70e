import type { LintFinding } from './lint-finding';
import { editorialFindings } from './editorial-lint';

const codes = (text: string) => {
  const out: LintFinding[] = [];
  editorialFindings(text, 'body', out);
  return out.map((f) => f.code);
};

describe('editorialFindings', () => {
  it('finds chat abbreviations but not handles, links or hashtags', () => {
    expect(codes('Motor sdh kembali yg dilaporkan.')).toEqual(['chat_abbreviation', 'chat_abbreviation']);
    expect(codes('Ikuti @yg_resmi di https://x.example/yg dan #yg.')).toEqual([]);
  });

  it('finds a run of three words in capitals that are not acronyms, but not a dateline', () => {
    expect(codes('Warga MELAPORKAN MOTOR HILANG kemarin.')).toEqual(['all_caps']);
    expect(codes('Layanan SKCK SIM SPKT buka.')).toEqual([]);
    expect(codes('KOTA JAYAPURA UTARA - Polresta Jayapura Kota menindaklanjuti laporan.')).toEqual([]);
  });

  it('finds a sentence over 60 words and a sentence printed twice', () => {
    expect(codes(`${'kata '.repeat(61)}akhir.`)).toEqual(['long_sentence']);
    expect(codes('Petugas tiba di lokasi kejadian. Petugas tiba di lokasi kejadian.')).toEqual(['repeated_sentence']);
    expect(codes('Pelaku berinisial A.W. diamankan di Jl. Sudirman. Selesai.')).toEqual([]);
  });
});
