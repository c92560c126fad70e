import fc from 'fast-check';
import { contentWords, extractUrls, STOP_WORDS, stripHtml, tokens } from './normalise';
import { shingleSequence, shingleSet } from './shingles';

/** The slow, obvious definition the one-pass tokenizer must agree with. */
function reference(text: string): string[] {
  return text
    // a URL starts where no letter, digit or mark precedes it (\b would be ASCII-only)
    .replace(/(?<![\p{L}\p{N}\p{M}])https?:\/\/[^\s<>"')\]]*/giu, ' ')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !STOP_WORDS.has(w));
}

describe('Indonesian normalisation', () => {
  it('folds case, diacritics and punctuation, drops stop words and URLs', () => {
    expect(contentWords('MEDAN, SUMUTPOS.CO – Polrestabes Medan telah mengerahkan 65 personel di Kecamatan Médan-Petisah (lihat https://x.example/a?b=1).'))
      .toEqual(['medan', 'sumutpos', 'co', 'polrestabes', 'medan', 'mengerahkan', '65', 'personel', 'kecamatan', 'medan', 'petisah', 'lihat']);
    expect(contentWords('Pukul 08.35 WIB, piket Reskrim tiba di lokasi')).toEqual(['pukul', '08', '35', 'wib', 'piket', 'reskrim', 'tiba', 'lokasi']);
    expect(extractUrls('baca <a href="https://humas.example.go.id/rilis/abc-1234">di sini</a>, atau http://x.example/a.')).toEqual(['https://humas.example.go.id/rilis/abc-1234', 'http://x.example/a']);
  });

  it('agrees with the slow reference on any text, and hashes exactly the words it returns', () => {
    const alphabet = fc.constantFrom(...'aAeéÉiouüÜnñŉ ǄǅﬁÆæß½İ,.-–—“”"\'()\n\t0123456789hHttps:/'.split(''), 'di', 'yang', 'https://', 'Ωσ', '😀', 'ǆ');
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 60 }).map((parts) => parts.join('')), (text) => {
      const { words, hashes } = tokens(text, true);
      expect(words).toEqual(reference(text));
      expect(tokens(text).hashes).toEqual(hashes);
      expect(hashes.length).toBe(words.length);
    }), { numRuns: 500 });
  });

  it('treats parts as one text separated by a break', () => {
    expect(tokens(['Judul Rilis', 'Isi rilis']).hashes).toEqual(tokens('Judul Rilis\nIsi rilis').hashes);
  });

  it('builds shingles of three content words, order-sensitive', () => {
    const a = tokens('polisi amankan pelaku curanmor').hashes;
    const b = tokens('pelaku curanmor amankan polisi').hashes;
    expect(shingleSequence(a)).toHaveLength(2);
    expect(shingleSet(a).some((h) => shingleSet(b).includes(h))).toBe(false);
    expect(shingleSet(tokens('Polisi, AMANKAN pelaku curanmor!').hashes)).toEqual(shingleSet(a));
  });

  it('strips HTML to text', () => {
    expect(stripHtml('<p>Tawuran&nbsp;di <b>Cipete</b></p><script>alert(1)</script>&#x41;').replace(/\s+/g, ' ').trim()).toBe('Tawuran di Cipete A');
  });
});
