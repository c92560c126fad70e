import { stripInvisible } from './invisible';

describe('stripInvisible', () => {
  it('removes bidi embeddings, overrides, isolates, marks and zero-width formatting', () => {
    const hostile = 'a\u202ab\u202bc\u202cd\u202de\u202ef\u2066g\u2067h\u2068i\u2069j\u200ek\u200fl\u061cm\u200bn\u2060o\ufeffp\u00adq\u206ar';
    expect(stripInvisible(hostile)).toBe('abcdefghijklmnopqr');
  });

  it('keeps emoji sequences, right-to-left letters and ordinary text', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    expect(stripInvisible(`Polsek 🚓🇮🇩 ${family} كشف`)).toBe(`Polsek 🚓🇮🇩 ${family} كشف`);
  });
});
