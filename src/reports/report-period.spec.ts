import { localIso, monthName, periodFromDates, periodOfMonth, previousMonth } from './report-period';

describe('report periods in the unit\'s zone', () => {
  const now = new Date('2026-12-10T16:30:00Z'); // 10 Dec 23:30 WIB, 11 Dec 00:30 WITA, 11 Dec 01:30 WIT

  it('starts a month at local midnight of each Indonesian zone', () => {
    expect(periodOfMonth('2026-11', 'Asia/Jakarta')).toMatchObject({ start: new Date('2026-10-31T17:00:00Z'), end: new Date('2026-11-30T17:00:00Z'), from: '2026-11-01', to: '2026-11-30' });
    expect(periodOfMonth('2026-11', 'Asia/Makassar').start).toEqual(new Date('2026-10-31T16:00:00Z'));
    expect(periodOfMonth('2026-11', 'Asia/Jayapura').start).toEqual(new Date('2026-10-31T15:00:00Z'));
    expect(periodOfMonth('2028-02', 'Asia/Jakarta').to).toBe('2028-02-29');
    expect(periodOfMonth('2026-12', 'Asia/Jakarta').end).toEqual(new Date('2026-12-31T17:00:00Z'));
  });

  it('defaults to the 30 days ending on the local today', () => {
    expect(periodFromDates(undefined, undefined, 'Asia/Jakarta', now)).toMatchObject({ from: '2026-11-11', to: '2026-12-10' });
    expect(periodFromDates(undefined, undefined, 'Asia/Makassar', now)).toMatchObject({ from: '2026-11-12', to: '2026-12-11' });
    expect(periodFromDates(undefined, '2026-03-01', 'Asia/Jakarta', now).from).toBe('2026-01-31');
  });

  it('refuses impossible dates and periods, naming the field', () => {
    const field = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as { problem: { errors: { field: string }[] } }).problem.errors.map((e) => e.field);
      }
      return null;
    };
    expect(field(() => periodFromDates('2026-02-29', '2026-03-01', 'Asia/Jakarta', now))).toEqual(['from']);
    expect(field(() => periodFromDates('2026-01-01', '2026-04-31', 'Asia/Jakarta', now))).toEqual(['to']);
    expect(field(() => periodFromDates('2026-02-02', '2026-02-01', 'Asia/Jakarta', now))).toEqual(['to']);
    expect(field(() => periodFromDates('2025-01-01', '2026-01-02', 'Asia/Jakarta', now))).toEqual(['to']);
    expect(field(() => periodFromDates('2025-01-01', '2026-01-01', 'Asia/Jakarta', now))).toBeNull();
    expect(field(() => periodOfMonth('2026-00', 'Asia/Jakarta'))).toEqual(['month']);
  });

  it('names months in Indonesian and writes instants in the local zone', () => {
    expect(monthName('2026-11')).toBe('November 2026');
    expect(monthName('2026-08')).toBe('Agustus 2026');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-11')).toBe('2026-10');
    expect(localIso(new Date('2026-10-31T15:30:00Z'), 'Asia/Jayapura')).toBe('2026-11-01T00:30:00+09:00');
    expect(localIso(new Date('2026-10-31T15:30:00.250Z'), 'Asia/Makassar')).toBe('2026-10-31T23:30:00+08:00');
    expect(localIso(null, 'Asia/Jakarta')).toBe('');
  });
});
