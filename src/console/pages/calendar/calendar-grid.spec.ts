import { calendarPeriod, localDate } from './calendar-grid';

describe('calendar periods in the unit\'s zone', () => {
  it('shows a week from Monday, its days starting at local midnight', () => {
    const week = calendarPeriod('minggu', '2026-11-25', 'Asia/Jakarta', '2026-11-25');
    expect(week.days.map((d) => d.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect(week.days[0].weekday).toBe('Senin');
    expect(week.from.toISOString()).toBe('2026-11-22T17:00:00.000Z'); // 00:00 WIB
    expect(week.to.toISOString()).toBe('2026-11-29T17:00:00.000Z');
    expect(week.days.find((d) => d.today)?.date).toBe('2026-11-25');
    expect([week.previous, week.next]).toEqual(['2026-11-16', '2026-11-30']);
  });

  it('pads a month to whole weeks and marks the days outside it (Papua, WIT)', () => {
    const month = calendarPeriod('bulan', '2026-11-10', 'Asia/Jayapura', '2026-12-01');
    expect(month.title).toBe('November 2026');
    expect(month.days[0].date).toBe('2026-10-26');
    expect(month.days.at(-1)!.date).toBe('2026-12-06');
    expect(month.days.length % 7).toBe(0);
    expect(month.days.filter((d) => d.inMonth)).toHaveLength(30);
    expect(month.from.toISOString()).toBe('2026-10-25T15:00:00.000Z');
    expect([month.previous, month.next]).toEqual(['2026-10-01', '2026-12-01']);
  });

  it('reads an instant\'s local date', () => {
    expect(localDate(new Date('2026-11-24T23:30:00Z'), 'Asia/Jakarta')).toBe('2026-11-25');
    expect(localDate(new Date('2026-11-24T14:59:00Z'), 'Asia/Jayapura')).toBe('2026-11-24');
  });
});
