import { releaseParagraphs, splitParagraphs, summaryOf } from './release-text';

describe('release text', () => {
  it('splits the website draft into dateline, lead and the other paragraphs', () => {
    const body = 'JAKARTA SELATAN - Polsek Kebayoran Baru berhasil mengembalikan motor.\n\nKasus ini bermula ketika warga melapor.\n\n\n“Terima kasih,” ujar A.W.';
    expect(releaseParagraphs(body)).toEqual({
      dateline: 'JAKARTA SELATAN',
      lead: 'Polsek Kebayoran Baru berhasil mengembalikan motor.',
      rest: ['Kasus ini bermula ketika warga melapor.', '“Terima kasih,” ujar A.W.'],
    });
  });

  it('takes a lead without dateline as it is, and does not mistake a sentence for one', () => {
    expect(releaseParagraphs('Polsek Abepura - bersama warga - menggelar bakti sosial.')).toEqual({
      dateline: null, lead: 'Polsek Abepura - bersama warga - menggelar bakti sosial.', rest: [],
    });
    expect(releaseParagraphs('MAKASSAR – Polrestabes Makassar mengamankan festival.').dateline).toBe('MAKASSAR');
    expect(releaseParagraphs('').lead).toBe('');
  });

  it('drops control characters and normalises line breaks', () => {
    expect(splitParagraphs('a\u0000b\u0007\r\n\r\nc\u000bd\n \nе')).toEqual(['ab', 'cd', 'е']);
  });

  it('shortens a long lead at a word, on one line', () => {
    const lead = 'Polsek Kebayoran Baru berhasil\nmengembalikan sepeda motor yang hilang di wilayah Kebayoran Baru kepada pemiliknya dalam 8 jam.';
    const short = summaryOf(lead, 60);
    expect(short.length).toBeLessThanOrEqual(60);
    expect(short).toMatch(/…$/);
    expect(short).not.toContain('\n');
    expect(summaryOf('Pendek.')).toBe('Pendek.');
  });
});
