import { neutraliseCell } from './csv-cell';

describe('CSV cells', () => {
  it('prefixes with a single quote whatever a spreadsheet would run as a formula', () => {
    expect(neutraliseCell('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(neutraliseCell('+62 812 3456')).toBe(`'+62 812 3456`);
    expect(neutraliseCell('-2+3')).toBe(`'-2+3`);
    expect(neutraliseCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(neutraliseCell('\t=1')).toBe(`'\t=1`);
    expect(neutraliseCell('\r=1')).toBe(`'\r=1`);
  });

  it('also when line breaks, spaces or invisible characters come before the formula sign (issue 17)', () => {
    for (const cell of ['\n=HYPERLINK("http://x")', '\r\n+1', '   =1+1', ' \t-2', '\u00A0@SUM(A1)', '\u200B=1', '\uFEFF=1', '\n\n  =cmd|', '\uFF1D1+1']) {
      expect(neutraliseCell(cell)).toBe(`'${cell}`);
    }
    expect(neutraliseCell('\nbaris baru')).toBe(`'\nbaris baru`);
    expect(neutraliseCell('  Polsek 1+1=2')).toBe('  Polsek 1+1=2');
  });

  it('leaves other text and numbers as they are; null is an empty cell', () => {
    expect(neutraliseCell('Polsek Cilandak 1+1=2')).toBe('Polsek Cilandak 1+1=2');
    expect(neutraliseCell('2026-11-01T00:00:00+07:00')).toBe('2026-11-01T00:00:00+07:00');
    expect(neutraliseCell(3)).toBe('3');
    expect(neutraliseCell(null)).toBe('');
  });
});
