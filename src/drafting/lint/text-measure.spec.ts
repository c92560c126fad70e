import fc from 'fast-check';
import twitterText from 'twitter-text';
import { hashtagsOver, weightedLength } from './text-measure';

describe('weightedLength', () => {
  const parse = (text: string) => twitterText.parseTweet(text).weightedLength;

  it('counts a URL as 23 and everything else once in plain text', () => {
    const url = 'https://humas.example.go.id/rilis/polisi-kembalikan-motor-warga-yang-hilang';
    expect(weightedLength(`Motor kembali. ${url} #PolriPresisi`)).toBe(15 + 23 + 14);
    expect(weightedLength('Lihat a.co dan b.id, “kutip” – selesai')).toBe(parse('Lihat a.co dan b.id, “kutip” – selesai'));
    expect(weightedLength('')).toBe(0);
  });

  it('equals twitter-text on plain texts with URLs, handles and hashtags (the shortcut)', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(' ', '\n', '.', ',', '“', '”', '–', '—', '‘', '#PolriPresisi', '@polsek_contoh', 'a.co', 'www.polri.go.id', 'https://humas.example.go.id/rilis/x', 'http://t.co/abc'),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }).map((a) => a.join('')), (text) => weightedLength(text) === parse(text)), { numRuns: 3000 });
  });

  it('leaves everything else to twitter-text: emoji, CJK, accents to normalise', () => {
    for (const text of ['Selamat 😀👮🏽‍♀️ https://a.example.id', '警察 https://humas.example.go.id', 'Cafe\u0301 ©', '#️⃣ 1️⃣', '\uFEFFteks']) {
      expect(weightedLength(text)).toBe(parse(text));
    }
  });
});

describe('hashtagsOver', () => {
  it('answers the count only when it is over the limit', () => {
    expect(hashtagsOver('#Satu #Dua #Tiga', 3)).toBeNull();
    expect(hashtagsOver('#Satu #Dua #Tiga #Empat', 3)).toBe(4);
    // four '#' but only three hashtags: an HTML entity and a number are not tags
    expect(hashtagsOver('#Satu #Dua #Tiga &#39; #2026', 3)).toBeNull();
    expect(hashtagsOver('tanpa tagar', 0)).toBeNull();
    expect(hashtagsOver('#Satu', 0)).toBe(1);
  });
});
