import fc from 'fast-check';
import { HelperError } from './helper-error';
import { SIMPLE, jumlahGrafem, potong } from './potong';

const segmenter = new Intl.Segmenter('id', { granularity: 'grapheme' });
const graphemesOf = (text: string) => Array.from(segmenter.segment(text), (s) => s.segment);

/** The part of a result taken from the input, and whether the ellipsis was appended. */
function prefixOf(result: string, text: string, ellipsis: string): string {
  if (result === text) return text;
  return result.endsWith(ellipsis) && text.startsWith(result.slice(0, result.length - ellipsis.length))
    ? result.slice(0, result.length - ellipsis.length)
    : result;
}

// Pieces that stress grapheme rules: ZWJ families, lone and paired regional indicators, skin
// tones, combining accents, CR LF, an Arabic prepend mark (U+0600), Hangul jamo, a Devanagari
// conjunct, pictographs inside the fast-path class (‼ ©) followed by VS16 or ZWJ, and RTL marks.
const PIECES = [
  '🇮🇩', '🇮', '👨‍👩‍👧', 'e', '\u0301', ' ', 'kata', '\u00A0', ',', '👍🏽', '\u200F', 'ي', '\r', '\n',
  '‼', '©', '\uFE0F', '\u200D', '“', '\u0600', '\u1100', '\u1161', '\u11A8', '\u0915', '\u094D', '\u0937',
];

// Text a reader could send: plain words mixed with emoji, flags, accents, joiners, CR LF, RTL.
const texts = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 60 }),
  fc
    .array(fc.constantFrom(...PIECES), { maxLength: 40 })
    .map((pieces) => pieces.join('')),
);
const ellipses = fc.constantFrom('…', '...', '', ' [lanjut]', '🔗');

describe('potong', () => {
  const kalimat = 'Polsek Kebayoran Baru mengembalikan sepeda motor warga dalam 9 jam';

  it('leaves a text that fits alone', () => {
    expect(potong(kalimat, 100)).toBe(kalimat);
    expect(potong(kalimat, jumlahGrafem(kalimat))).toBe(kalimat);
    expect(potong('🇮🇩🇮🇩', 2)).toBe('🇮🇩🇮🇩'); // 8 UTF-16 units, 2 graphemes
  });

  it('cuts before a space in the last fifth of the room and adds the ellipsis', () => {
    // Room for 44 graphemes and "…"; the space after "sepeda" is at 42, inside 36..44.
    expect(potong(kalimat, 45)).toBe('Polsek Kebayoran Baru mengembalikan sepeda…');
    // Room for 36: the space after "mengembalikan" is the 36th grapheme, the first one dropped.
    expect(potong(kalimat, 37)).toBe('Polsek Kebayoran Baru mengembalikan…');
  });

  it('cuts inside a word when no space is near the limit, rather than wasting room', () => {
    expect(potong('Kebayoranbarujakartaselatan', 10)).toBe('Kebayoran…');
    // The space after "Baru" (index 21) is outside 24..29, so the word is cut, as specified.
    expect(potong(kalimat, 30)).toBe('Polsek Kebayoran Baru mengemb…');
    expect(potong('Polsek Kebayoranbarujakartaselatan', 20)).toBe('Polsek Kebayoranbar…');
  });

  it('drops a trailing comma or space before the ellipsis', () => {
    expect(potong('Satu, dua, tiga, empat', 11)).toBe('Satu, dua…');
    expect(potong('abcd efgh', 6)).toBe('abcd…');
  });

  it('never cuts an emoji, a flag or a combining accent in half', () => {
    expect(potong('Terima kasih 👨‍👩‍👧‍👦 keluarga', 14)).toBe('Terima kasih…');
    expect(potong('🇮🇩🇮🇩🇮🇩🇮🇩', 3)).toBe('🇮🇩🇮🇩…');
    expect(potong('Cafe\u0301 Cafe\u0301 Cafe\u0301', 5)).toBe('Cafe\u0301…');
    expect(potong('👍🏽👍🏽👍🏽', 2)).toBe('👍🏽…');
  });

  it('treats a no-break space as a place to cut too: better than cutting inside a number', () => {
    expect(potong('Hadiah Rp\u00A01.250.000', 12)).toBe('Hadiah Rp…');
  });

  it('takes another ellipsis, and cuts without one when there is no room for it', () => {
    expect(potong(kalimat, 25, '...')).toBe('Polsek Kebayoran Baru...');
    expect(potong(kalimat, 10, '')).toBe('Polsek Keb');
    expect(potong(kalimat, 7, '')).toBe('Polsek');
    expect(potong('abcdef', 2, '...')).toBe('ab');
    expect(potong('abcdef', 0)).toBe('');
  });

  it.each([
    [undefined, 10, '…'],
    [42, 10, '…'],
    ['teks', -1, '…'],
    ['teks', 1.5, '…'],
    ['teks', '10', '…'],
    ['teks', 10, null],
  ])('refuses potong(%p, %p, %p)', (text, max, ellipsis) => {
    expect(() => potong(text, max, ellipsis)).toThrow(HelperError);
  });

  it('property: never longer than the limit, in graphemes', () => {
    fc.assert(
      fc.property(texts, fc.nat(70), ellipses, (text, max, ellipsis) => {
        expect(jumlahGrafem(potong(text, max, ellipsis))).toBeLessThanOrEqual(max);
      }),
      { numRuns: 3000 },
    );
  });

  it('property: the text itself, or a prefix of it followed by the ellipsis (or alone when there is no room)', () => {
    fc.assert(
      fc.property(texts, fc.nat(70), ellipses, (text, max, ellipsis) => {
        const result = potong(text, max, ellipsis);
        if (result === text) return;
        const withEllipsis = jumlahGrafem(ellipsis) < max;
        if (withEllipsis) expect(result.endsWith(ellipsis)).toBe(true);
        const prefix = withEllipsis ? result.slice(0, result.length - ellipsis.length) : result;
        expect(text.startsWith(prefix)).toBe(true);
        expect(prefixOf(result, text, ellipsis)).toBe(prefix);
      }),
      { numRuns: 3000 },
    );
  });

  it('property: the kept prefix ends on a grapheme boundary', () => {
    fc.assert(
      fc.property(texts, fc.nat(70), ellipses, (text, max, ellipsis) => {
        const result = potong(text, max, ellipsis);
        const prefix = prefixOf(result, text, ellipsis);
        const kept = graphemesOf(prefix);
        // The prefix's own graphemes are exactly the input's first ones: nothing was split.
        expect(graphemesOf(text).slice(0, kept.length)).toEqual(kept);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('jumlahGrafem', () => {
  it('takes the fast path only for characters ICU also splits apart, in every pair', () => {
    const simple: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (SIMPLE.test(String.fromCharCode(code))) simple.push(String.fromCharCode(code));
    }
    expect(simple.length).toBeGreaterThan(700);
    // Joining all of them with each one covers every ordered pair (a, b) of the class.
    for (const glue of simple) {
      const text = simple.join(glue);
      expect(graphemesOf(text).length).toBe(text.length);
    }
  });

  it('property: counts exactly what ICU counts, for any mix of simple text and emoji or accents', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(jumlahGrafem(text)).toBe(graphemesOf(text).length);
      }),
      { numRuns: 5000 },
    );
  });

  it('counts what a reader sees as one character once', () => {
    expect(jumlahGrafem('')).toBe(0);
    expect(jumlahGrafem('abc')).toBe(3);
    expect(jumlahGrafem('🇮🇩')).toBe(1);
    expect(jumlahGrafem('👨‍👩‍👧‍👦')).toBe(1);
    expect(jumlahGrafem('e\u0301')).toBe(1);
  });
});
