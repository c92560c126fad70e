import { toDate } from './common.dto';

/** toDate turns only real instants into Dates; anything else stays as sent and fails @IsDate. */
describe('toDate', () => {
  const convert = (value: unknown) => toDate({ value });

  it('converts instants with a zone', () => {
    expect(convert('2026-10-25T09:40:00Z')).toEqual(new Date('2026-10-25T09:40:00Z'));
    expect(convert('2026-10-25T16:40:00.250+07:00')).toEqual(new Date('2026-10-25T09:40:00.250Z'));
    expect(convert('2028-02-29T00:00Z')).toEqual(new Date('2028-02-29T00:00:00Z'));
  });

  it('refuses days and times that do not exist instead of rolling them over (30 February was 2 March)', () => {
    for (const value of ['2026-02-30T00:00:00Z', '2026-02-29T00:00:00Z', '2026-04-31T08:00:00Z', '2026-13-01T00:00:00Z', '2026-10-25T24:00:00Z', '2026-10-25T09:60:00Z', '2026-10-25T09:40:61Z']) {
      expect(convert(value)).toBe(value);
    }
  });

  it('leaves local times, numbers and other shapes alone', () => {
    expect(convert('2026-10-25T09:40:00')).toBe('2026-10-25T09:40:00');
    expect(convert(1761354720000)).toBe(1761354720000);
  });
});
