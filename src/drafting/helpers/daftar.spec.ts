import { daftarHashtag, daftarMention, kalimatDaftar } from './daftar';
import { HelperError } from './helper-error';

describe('daftarHashtag', () => {
  it("merges the unit's, the parent's and the house lists in order, without duplicates", () => {
    expect(daftarHashtag(['#PolsekKebayoranBaru'], ['#PolresJaksel'], ['#PoldaMetroJaya', '#PolriPresisi'], '#PolriPresisi')).toEqual([
      '#PolsekKebayoranBaru',
      '#PolresJaksel',
      '#PoldaMetroJaya',
      '#PolriPresisi',
    ]);
  });

  it('compares case-insensitively and keeps the first spelling', () => {
    expect(daftarHashtag(['#PolriPresisi'], ['#polripresisi', '#POLRIPRESISI'])).toEqual(['#PolriPresisi']);
    expect(daftarHashtag('polisiKita', '#PolisiKita')).toEqual(['#polisiKita']);
  });

  it("adds '#' where missing and collapses repeated or full-width ones", () => {
    expect(daftarHashtag(['PolriPresisi', '##Humas', '＃PolisiKita', '  #Spaced  '])).toEqual([
      '#PolriPresisi',
      '#Humas',
      '#PolisiKita',
      '#Spaced',
    ]);
  });

  it('drops empty and invalid entries instead of guessing', () => {
    expect(daftarHashtag(['', '#', '   ', '#Polri Presisi', '#2026', '#a-b', '#ok!', '#Polri_Presisi', '#Polri2026'])).toEqual([
      '#Polri_Presisi',
      '#Polri2026',
    ]);
  });

  it('keeps hashtags in other scripts and with accents, and treats NFC and NFD as one', () => {
    expect(daftarHashtag(['#Café', '#Cafe\u0301', '#جاكرتا'])).toEqual(['#Café', '#جاكرتا']);
  });

  it('skips absent lists (a unit without hashtags) but refuses what is not text', () => {
    expect(daftarHashtag(undefined, null, [], [null, '#Humas', undefined])).toEqual(['#Humas']);
    expect(daftarHashtag()).toEqual([]);
    expect(() => daftarHashtag([{ tag: '#Humas' }])).toThrow(HelperError);
    expect(() => daftarHashtag(42)).toThrow('daftarHashtag: isi daftar harus teks, bukan number');
  });
});

describe('daftarMention', () => {
  it("merges the unit's and parents' handles without duplicates, '@' added where missing", () => {
    expect(daftarMention('@polsek_kebayoranbaru', 'polres_jaksel', '@PolresJaksel', '@polres_jaksel', 'poldametrojaya')).toEqual([
      '@polsek_kebayoranbaru',
      '@polres_jaksel',
      '@PolresJaksel',
      '@poldametrojaya',
    ]);
  });

  it('compares case-insensitively, as X and Instagram do', () => {
    expect(daftarMention(['@TMCPoldaMetro'], ['@tmcpoldametro'])).toEqual(['@TMCPoldaMetro']);
  });

  it('drops empty and invalid handles', () => {
    expect(
      daftarMention(['', '@', 'https://x.com/polri', '@with space', '@.lead', '@trail.', '@dou..ble', '@' + 'a'.repeat(31), '@humas.polri', '@ok_1']),
    ).toEqual(['@humas.polri', '@ok_1']);
  });

  it('skips absent handles (a unit without an X account)', () => {
    expect(daftarMention(undefined, '@polri', null)).toEqual(['@polri']);
  });
});

describe('kalimatDaftar', () => {
  it.each([
    [[], ''],
    [['WhatsApp'], 'WhatsApp'],
    [['WhatsApp', 'Call Center 110'], 'WhatsApp dan Call Center 110'],
    [['WhatsApp', 'Call Center 110', 'aplikasi Polisi Kita'], 'WhatsApp, Call Center 110, dan aplikasi Polisi Kita'],
    [['A', 'B', 'C', 'D'], 'A, B, C, dan D'],
  ])('%p is "%s"', (items, text) => {
    expect(kalimatDaftar(items)).toBe(text);
  });

  it('takes "atau" as the last word', () => {
    expect(kalimatDaftar(['110', 'WhatsApp', 'Instagram'], 'atau')).toBe('110, WhatsApp, atau Instagram');
  });

  it('leaves out blank and absent items, tidies whitespace, and accepts numbers', () => {
    expect(kalimatDaftar(['  A  ', '', null, undefined, ' B\n C ', 3])).toBe('A, B C, dan 3');
  });

  it('refuses objects rather than printing "[object Object]"', () => {
    expect(() => kalimatDaftar([{ label: 'x' }])).toThrow('kalimatDaftar: isi daftar harus teks, bukan object');
  });
});
