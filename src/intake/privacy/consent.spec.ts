import { ANONYMOUS_ATTRIBUTION, Consent, initialsOf, isConsentLevel, nameWords, personView } from './consent';

const consent = (level: Consent['level'], quote = true): Consent => ({ level, quote });

describe('personView', () => {
  const andreas = { name: 'Andreas Wibowo' };

  it.each([
    ['name', 'Andreas Wibowo', 'Andreas Wibowo, warga Kebayoran Baru'],
    ['initials', 'A.W.', 'A.W., warga Kebayoran Baru'],
    ['anonymous', 'seorang warga', 'seorang warga Kebayoran Baru'],
    ['none', 'seorang warga', 'seorang warga Kebayoran Baru'],
  ] as const)('level %s -> %s', (level, attribution, withLocality) => {
    const view = personView(andreas, consent(level), { locality: 'Kebayoran Baru' });
    expect(view.attribution).toBe(attribution);
    expect(view.withLocality).toBe(withLocality);
  });

  it('without a locality, withLocality is the attribution', () => {
    expect(personView(andreas, consent('initials')).withLocality).toBe('A.W.');
    expect(personView(andreas, consent('anonymous'), { locality: '  ' }).withLocality).toBe(ANONYMOUS_ATTRIBUTION);
  });

  it('allows a quote only with quote consent, and never at level none', () => {
    expect(personView(andreas, consent('name', true)).quoteAllowed).toBe(true);
    expect(personView(andreas, consent('anonymous', true)).quoteAllowed).toBe(true);
    expect(personView(andreas, consent('initials', false)).quoteAllowed).toBe(false);
    expect(personView(andreas, consent('none', true)).quoteAllowed).toBe(false);
  });

  it('never carries phone, e-mail or NIK, even when given the whole record', () => {
    const complainant = { name: 'Andreas Wibowo', phone: '0812-8877-1234', email: 'andreas.wibowo@example.com', nik: '3174051508850003' };
    for (const level of ['none', 'anonymous', 'initials', 'name'] as const) {
      const view = personView(complainant, consent(level), { locality: 'Gunung' });
      expect(Object.keys(view).sort()).toEqual(['attribution', 'quoteAllowed', 'withLocality']);
      const json = JSON.stringify(view);
      for (const secret of ['0812', '8877', 'andreas.wibowo', '@', '3174']) expect(json).not.toContain(secret);
    }
  });

  it('drops digits and e-mail addresses typed into the name field', () => {
    expect(personView({ name: 'Budi 081299990000 budi@x.id Santoso' }, consent('name')).attribution).toBe('Budi Santoso');
    expect(personView({ name: 'Budi 081299990000' }, consent('initials')).attribution).toBe('B.');
  });

  it('fails closed: unknown level, missing consent, empty or placeholder names are anonymous', () => {
    expect(personView(andreas, { level: 'everything' as never, quote: true })).toEqual({
      attribution: ANONYMOUS_ATTRIBUTION, withLocality: ANONYMOUS_ATTRIBUTION, quoteAllowed: false,
    });
    expect(personView(andreas, undefined as never).attribution).toBe(ANONYMOUS_ATTRIBUTION);
    for (const name of ['', '   ', 'Anonim', 'Hamba Allah', 'Ibu', 'Bapak H.', '08123456789']) {
      expect(personView({ name }, consent('name')).attribution).toBe(ANONYMOUS_ATTRIBUTION);
      expect(personView({ name }, consent('initials')).attribution).toBe(ANONYMOUS_ATTRIBUTION);
    }
  });

  it('with full-name consent keeps the courtesy title but not degrees', () => {
    expect(personView({ name: 'Ibu Sri Mulyani' }, consent('name')).attribution).toBe('Ibu Sri Mulyani');
    expect(personView({ name: '  H. Ahmad   Fauzi, S.H., M.H.' }, consent('name')).attribution).toBe('H. Ahmad Fauzi');
  });

  it('is frozen, so a template cannot widen it', () => {
    expect(Object.isFrozen(personView(andreas, consent('name')))).toBe(true);
  });
});

describe('initials', () => {
  it.each([
    ['Andreas Wibowo', 'A.W.'],
    ['Ibu Sri Mulyani', 'S.M.'],
    ['Bapak H. Ahmad Fauzi', 'A.F.'],
    ['Sdr. Yusuf Maulana', 'Y.M.'],
    ['Sdri. Rina Hutapea', 'R.H.'],
    ['Hj. Siti Rahmawati', 'S.R.'],
    ['Dr. Markus Wenda, M.Kes.', 'M.W.'],
    ['Pak Budi', 'B.'],
    ['Bu Dewi', 'D.'],
    ['Nurhayati', 'N.'],
    ['A. Wibowo', 'A.W.'],
    ['siti nur-aini', 'S.N.'],
    ["Ma'ruf Amin", 'M.A.'],
    // issue 18: birth-order and caste names, titles and links are not initials; at most three letters
    ['Ni Luh Putu Ayu', 'A.'],
    ['Ni Made Sri Wahyuni', 'S.W.'],
    ['I Gusti Ayu Made Sri Wahyuni', 'S.W.'],
    ['Ida Bagus Putu Mahendra', 'M.'],
    ['Anak Agung Gede Raka Pratama', 'R.P.'],
    ['Cokorda Istri Dewi', 'D.'],
    ['Muhammad Arif Daeng Tutu', 'M.A.T.'],
    ['Andi Muhammad Rizky Ananda Pratama', 'A.M.R.'],
    ['Ahmad bin Yusuf', 'A.Y.'],
    ['Siti binti Abdullah', 'S.A.'],
    ['Haji Abdul Rahman', 'A.R.'],
    ['Wa Ode Nurhaya', 'N.'],
    ['Teuku Umar Said', 'U.S.'],
    ['Ahmad Fauzi SH', 'A.F.'],
    ['Élodie Ñúñez', 'É.Ñ.'],
  ])('%s -> %s', (name, expected) => {
    expect(personView({ name }, consent('initials')).attribution).toBe(expected);
    expect(initialsOf(nameWords(name))).toBe(expected);
  });
});

describe('consent levels', () => {
  it('knows exactly the four levels', () => {
    expect(['none', 'anonymous', 'initials', 'name'].every(isConsentLevel)).toBe(true);
    expect([undefined, null, 'NAME', 'full', 3].some(isConsentLevel)).toBe(false);
  });
});
