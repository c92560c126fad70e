import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import fc from 'fast-check';
import twitterText from 'twitter-text';
import { xCountRulesScript } from './x-count-rules.controller';

/** public/console/x-count.js and the served rules, run as the browser runs them (a window, no module). */
function browserCounter(): (text: string) => number {
  const window: Record<string, unknown> = {};
  const context = vm.createContext({ window });
  vm.runInContext(xCountRulesScript(), context);
  vm.runInContext(fs.readFileSync(path.join(__dirname, '../../public/console/x-count.js'), 'utf8'), context);
  const api = window.GaungXCount as { weightedLength(text: string): number };
  return (text) => api.weightedLength(text);
}

describe('the console\'s X counter (x-count.js) against twitter-text', () => {
  const count = browserCounter();
  const server = (text: string) => twitterText.parseTweet(text).weightedLength;

  it.each([
    ['plain Latin text', 'Polsek Kebayoran Baru kembalikan motor warga dalam 9 jam.'],
    ['a long link counts 23', 'Baca rilisnya: https://humas.polri.go.id/rilis/2026/11/polsek-kebayoran-baru-kembalikan-motor-warga-dalam-9-jam'],
    ['a link without scheme', 'Selengkapnya di polri.go.id/rilis dan tribratanews.com'],
    ['an e-mail-like and @handle are not links', 'Hubungi @polsek_kebayoran atau humas@polri.go.id #PolriPresisi'],
    ['emoji and flags count 2', 'Terima kasih 🙏👮‍♂️ 🇮🇩 warga ❤️'],
    ['CJK and typographic quotes', '“Kami hadir,” ujar Kapolsek. 警察 ありがとう — selesai…'],
    ['t.co links', 'https://t.co/abc123 dan http://t.co/xyz?ref=1'],
    ['trailing punctuation after a link', 'Lihat (https://polri.go.id/a_b). Atau https://polri.go.id/x?y=1!'],
    ['empty', ''],
  ])('%s', (_name, text) => {
    expect(count(text)).toBe(server(text));
  });

  it('agrees on random mixes of words, links, emoji and scripts', () => {
    const pieces = fc.constantFrom(
      'Polres', ' ', '\n', 'jaksel', '#Presisi', '@divhumas_polri', 'https://polri.go.id/rilis/1', 'polri.go.id', 'www.example.com/a',
      '🙏', '👮‍♀️', '🇮🇩', '警察', 'é', 'e\u0301', '“', '”', '—', '.', ',', '(', ')', '!', 'ä', '𝔸', '1.250.000', 'Rp', 'x.co',
    );
    fc.assert(fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      expect(count(text)).toBe(server(text));
    }), { numRuns: 400 });
  });
});
