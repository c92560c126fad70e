import fc from 'fast-check';
import { HelperError } from './helper-error';
import { localParts, toInstant, zonaWaktu } from './zona-waktu';

const ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;

describe('zonaWaktu', () => {
  it('names the three Indonesian zones the Indonesian way', () => {
    expect(zonaWaktu('Asia/Jakarta')).toBe('WIB');
    expect(zonaWaktu('Asia/Makassar')).toBe('WITA');
    expect(zonaWaktu('Asia/Jayapura')).toBe('WIT');
  });

  it.each([['Asia/Pontianak'], ['WIB'], ['asia/jakarta'], ['UTC'], [''], [undefined], [null], [7], ['__proto__'], ['toString']])(
    'refuses %p with a clear error listing the valid zones',
    (tz) => {
      expect(() => zonaWaktu(tz)).toThrow(HelperError);
      expect(() => zonaWaktu(tz)).toThrow(/zona waktu .* tidak dikenal \(pilih Asia\/Jakarta, Asia\/Makassar, Asia\/Jayapura\)/);
      try {
        zonaWaktu(tz);
      } catch (error) {
        expect((error as HelperError).code).toBe('HELPER_UNKNOWN_TIME_ZONE');
      }
    },
  );
});

describe('toInstant', () => {
  const ms = Date.UTC(2026, 9, 25, 9, 40);

  it('accepts a Date, epoch milliseconds and ISO 8601 with Z or an offset', () => {
    expect(toInstant(new Date(ms), 't')).toBe(ms);
    expect(toInstant(ms, 't')).toBe(ms);
    expect(toInstant('2026-10-25T09:40:00Z', 't')).toBe(ms);
    expect(toInstant('2026-10-25T16:40:00+07:00', 't')).toBe(ms);
    expect(toInstant('2026-10-25T18:40+0900', 't')).toBe(ms);
    expect(toInstant('2026-10-25T09:40:00.000Z', 't')).toBe(ms);
  });

  it.each([
    ['a string without a zone (it would be read in the server zone)', '2026-10-25T09:40:00'],
    ['a bare date (no time to print)', '2026-10-25'],
    ['free text', 'kemarin'],
    ['an invalid Date', new Date('x')],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a year before 1900', Date.UTC(1899, 11, 31)],
    ['an object', { at: '2026-10-25T09:40:00Z' }],
    ['a boolean', true],
  ])('refuses %s', (_why, value) => {
    expect(() => toInstant(value, 'pukul')).toThrow(HelperError);
    expect(() => toInstant(value, 'pukul')).toThrow(/^pukul: tanggal/);
  });
});

describe('localParts', () => {
  const uncached = new Map(
    ZONES.map((tz) => [
      tz,
      new Intl.DateTimeFormat('en-US', {
        timeZone: tz,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        hourCycle: 'h23',
        weekday: 'short',
      }),
    ]),
  );
  const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

  function expected(ms: number, tz: (typeof ZONES)[number]) {
    const p = Object.fromEntries(uncached.get(tz)!.formatToParts(ms).map((x) => [x.type, x.value]));
    return {
      year: Number(p.year),
      month: Number(p.month),
      day: Number(p.day),
      hour: Number(p.hour),
      minute: Number(p.minute),
      weekday: WEEKDAYS.indexOf(p.weekday),
    };
  }

  it('agrees with Intl for any instant and zone, including the old offsets (+07:20, +07:30, +09:30)', () => {
    // The offset cache must never change an answer, across the 1924-1964 changes of offset too.
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom(...ZONES),
        (ms, tz) => {
          expect(localParts(ms, tz, 't')).toEqual(expected(ms, tz));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('agrees with Intl minute by minute around every change of offset since 1900', () => {
    // Finds the transitions in tzdata (weekly steps, then bisection to the minute) and walks two
    // hours either side: the cached day offset must give way to Intl on those days.
    const WEEK = 7 * 86_400_000;
    const offset = (ms: number, tz: (typeof ZONES)[number]) => {
      const e = expected(ms, tz);
      return Date.UTC(e.year, e.month - 1, e.day, e.hour, e.minute) - Math.floor(ms / 60_000) * 60_000;
    };
    let transitions = 0;
    for (const tz of ZONES) {
      for (let from = Date.UTC(1900, 0, 1); from < Date.UTC(2100, 0, 1); from += WEEK) {
        let [lo, hi] = [from, from + WEEK];
        if (offset(lo, tz) === offset(hi, tz)) continue;
        while (hi - lo > 60_000) {
          const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
          if (offset(mid, tz) === offset(lo, tz)) lo = mid;
          else hi = mid;
        }
        transitions++;
        for (let ms = hi - 7_200_000; ms <= hi + 7_200_000; ms += 60_000) {
          expect(localParts(ms, tz, 't')).toEqual(expected(ms, tz));
        }
      }
    }
    expect(transitions).toBeGreaterThanOrEqual(10); // 1924-1964 in the three zones
  });
});
