import { instantToLocal, localToInstant } from './local-time';
import { diffWords } from './text-diff';

describe('local-time: schedule times typed in the unit\'s zone', () => {
  it.each([
    ['Asia/Jakarta', '2026-11-21T09:30', '2026-11-21T02:30:00.000Z'],
    ['Asia/Makassar', '2026-11-21T09:30', '2026-11-21T01:30:00.000Z'],
    ['Asia/Jayapura', '2026-11-21T00:15', '2026-11-20T15:15:00.000Z'],
  ])('%s %s is %s', (zone, local, utc) => {
    expect(localToInstant(local, zone)?.toISOString()).toBe(utc);
    expect(instantToLocal(new Date(utc), zone)).toBe(local);
  });

  it('refuses impossible dates and other shapes', () => {
    for (const bad of ['2026-02-30T10:00', '2026-13-01T10:00', '2026-11-21T24:00', '2026-11-21 09:30', '', 'besok']) {
      expect(localToInstant(bad, 'Asia/Jakarta')).toBeNull();
    }
  });
});

describe('diffWords', () => {
  it('marks inserted and deleted words and keeps the rest', () => {
    expect(diffWords('Polsek urai macet dalam 45 menit', 'Polsek Kebayoran urai macet dalam 30 menit')).toEqual([
      { op: 'same', text: 'Polsek ' }, { op: 'ins', text: 'Kebayoran ' }, { op: 'same', text: 'urai macet dalam ' },
      { op: 'del', text: '45 ' }, { op: 'ins', text: '30 ' }, { op: 'same', text: 'menit' },
    ]);
  });

  it('rebuilds both texts from its parts, even for large texts (line mode)', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `kata${i}`).join(' ');
    const b = a.replace('kata1500', 'ganti');
    const parts = diffWords(a, b);
    expect(parts.filter((p) => p.op !== 'ins').map((p) => p.text).join('')).toBe(a);
    expect(parts.filter((p) => p.op !== 'del').map((p) => p.text).join('')).toBe(b);
  });
});
