import { CsvHeaderError, csvRowToItem, parseCsvHeader } from './csv-row';

describe('CSV header', () => {
  it.each([['__proto__.admin'], ['constructor.prototype.polluted'], ['complainant.constructor'], ['prototype'], ['location..city'], ['stages[0]']])('refuses %s before any row', (column) => {
    expect(() => parseCsvHeader(['externalRef', column])).toThrow(CsvHeaderError);
  });

  it('reads ordinary nested columns', () => {
    const paths = parseCsvHeader(['externalRef', 'location.city', 'consent.quote']);
    expect(csvRowToItem(paths, ['R-1', 'Jakarta', 'true'], { json: [], boolean: ['consent.quote'], integer: [] })).toEqual({ item: { externalRef: 'R-1', location: { city: 'Jakarta' }, consent: { quote: true } } });
  });
});
