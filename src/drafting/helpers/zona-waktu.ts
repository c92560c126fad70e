import type { UnitTimezone } from '../../units/unit.entity';
import { HelperError, describe } from './helper-error';

/**
 * The Indonesian zones a unit can be in (unit.entity's UNIT_TIMEZONES) and how Indonesians name
 * them. Typed as a Record over UnitTimezone so that adding a zone to units fails to compile here
 * until it has an abbreviation. The abbreviation is ours, not ICU's: ICU prints "GMT+7".
 */
const ABBREVIATIONS: Readonly<Record<UnitTimezone, string>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export type ZonaWaktu = UnitTimezone;

export function assertZone(tz: unknown, fn = 'zonaWaktu'): ZonaWaktu {
  if (typeof tz === 'string' && Object.hasOwn(ABBREVIATIONS, tz)) return tz as ZonaWaktu;
  const known = Object.keys(ABBREVIATIONS).join(', ');
  const shown = typeof tz === 'string' ? `"${tz.slice(0, 40)}"` : describe(tz);
  throw new HelperError('HELPER_UNKNOWN_TIME_ZONE', `${fn}: zona waktu ${shown} tidak dikenal (pilih ${known})`);
}

/** 'Asia/Jakarta' -> 'WIB', 'Asia/Makassar' -> 'WITA', 'Asia/Jayapura' -> 'WIT'. */
export function zonaWaktu(tz: unknown): string {
  return ABBREVIATIONS[assertZone(tz)];
}

export type DateInput = Date | number | string;

// A string must carry its own offset: "2026-10-25T09:40:00" alone would be read in the server's
// zone, and a bare date has no time to print. Both are bugs in the view model, so refuse them.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
// Four-digit years keep dd/mm/yyyy well formed; anything outside is a data error, not a story.
const MIN_MS = Date.UTC(1900, 0, 1);
const MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** An instant (ms since the epoch) from a Date, an epoch-ms number, or an ISO 8601 string with offset. */
export function toInstant(value: unknown, fn: string): number {
  let ms: number;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'number') ms = value;
  else if (typeof value === 'string' && ISO_INSTANT.test(value)) ms = Date.parse(value);
  else if (typeof value === 'string') {
    throw new HelperError('HELPER_INVALID_ARGUMENT', `${fn}: tanggal harus ISO 8601 dengan zona, mis. 2026-10-25T09:40:00Z`);
  } else {
    const got = describe(value);
    throw new HelperError('HELPER_INVALID_ARGUMENT', `${fn}: tanggal harus Date, angka epoch, atau teks ISO 8601, bukan ${got}`);
  }
  if (!Number.isFinite(ms) || ms < MIN_MS || ms > MAX_MS) {
    throw new HelperError('HELPER_INVALID_ARGUMENT', `${fn}: tanggal tidak valid atau di luar tahun 1900-9999`);
  }
  return ms;
}

export interface LocalParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  weekday: number; // 0 = Minggu (Sunday)
}

const DAY_MS = 86_400_000;
// One formatter per zone: constructing Intl.DateTimeFormat costs far more than using it.
const formatters = new Map<ZonaWaktu, Intl.DateTimeFormat>();
// UTC offset per zone and UTC day. formatToParts costs about 5 µs, and drafting formats several
// times per channel per story; the offset of an Indonesian zone changes at most once a decade,
// so a lookup turns most calls into plain arithmetic.
const offsets = new Map<string, number>();
const MAX_CACHED_OFFSETS = 4096;

function formatter(tz: ZonaWaktu): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    // en-US with the Gregorian calendar and Latin digits: we only read numbers, never names.
    f = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone: tz,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in ms, read through Intl (tzdata), to the second. */
function offsetAt(ms: number, tz: ZonaWaktu): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const p: Record<string, number> = {};
  for (const part of formatter(tz).formatToParts(whole)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const wall = new Date(0);
  wall.setUTCFullYear(p.year, p.month - 1, p.day);
  wall.setUTCHours(p.hour, p.minute, p.second, 0);
  return wall.getTime() - whole;
}

function cachedOffset(ms: number, tz: ZonaWaktu): number {
  const dayStart = Math.floor(ms / DAY_MS) * DAY_MS;
  const key = `${tz}|${dayStart}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    // Same offset at both ends of the UTC day means no transition inside it (no real zone
    // changes twice in a day); otherwise remember NaN and ask Intl for each instant that day.
    const start = offsetAt(dayStart, tz);
    offset = start === offsetAt(dayStart + DAY_MS - 1, tz) ? start : Number.NaN;
    if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
    offsets.set(key, offset);
  }
  return Number.isNaN(offset) ? offsetAt(ms, tz) : offset;
}

/** The wall-clock date and time of an instant in a unit's zone. */
export function localParts(date: unknown, tz: unknown, fn: string): LocalParts {
  const zone = assertZone(tz, fn);
  const ms = toInstant(date, fn);
  const local = new Date(ms + cachedOffset(ms, zone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    weekday: local.getUTCDay(),
  };
}
