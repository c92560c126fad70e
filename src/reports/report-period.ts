import { ProblemException } from '../common/problem/problem.exception';
import type { UnitTimezone } from '../units/unit.entity';

/**
 * Report periods are calendar dates in the unit's own zone: "November 2026" for a Polda in WIT
 * starts at 2026-11-01T00:00+09:00. Indonesia's three zones have had fixed offsets without
 * daylight saving since 1964, so a fixed offset per zone is exact (and needs no tz database).
 */
export const ZONE_OFFSET_MINUTES: Record<UnitTimezone, number> = { 'Asia/Jakarta': 420, 'Asia/Makassar': 480, 'Asia/Jayapura': 540 };
export const ZONE_LABEL: Record<UnitTimezone, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

export const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** Longest period a summary or CSV covers: a year, leap day included. */
export const MAX_PERIOD_DAYS = 366;
export const DEFAULT_PERIOD_DAYS = 30;

const DAY_MS = 86_400_000;

/** A half-open interval of instants [start, end) made of whole local days. */
export interface ReportPeriod {
  /** First local date, YYYY-MM-DD. */
  from: string;
  /** Last local date (inclusive), YYYY-MM-DD. */
  to: string;
  start: Date;
  end: Date;
  timezone: UnitTimezone;
}

/** Days since 1970-01-01 of a YYYY-MM-DD calendar date, or null when it is not a real date. */
function dayNumber(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The instant a local calendar day (days since epoch) begins in `tz`. */
const startOfLocalDay = (day: number, tz: UnitTimezone) => new Date(day * DAY_MS - ZONE_OFFSET_MINUTES[tz] * 60_000);

/** Today's local date in `tz`, as days since epoch. */
const localToday = (now: Date, tz: UnitTimezone) => Math.floor((now.getTime() + ZONE_OFFSET_MINUTES[tz] * 60_000) / DAY_MS);

function periodOfDays(fromDay: number, toDay: number, tz: UnitTimezone): ReportPeriod {
  return { from: dateOf(fromDay), to: dateOf(toDay), start: startOfLocalDay(fromDay, tz), end: startOfLocalDay(toDay + 1, tz), timezone: tz };
}

/**
 * from/to as given (local dates, both inclusive); defaults: the 30 days ending today. Every
 * problem is a 400 naming its field.
 */
export function periodFromDates(from: string | undefined, to: string | undefined, tz: UnitTimezone, now: Date): ReportPeriod {
  const errors: { field: string; message: string }[] = [];
  const toDay = to === undefined ? localToday(now, tz) : dayNumber(to);
  if (toDay === null) errors.push({ field: 'to', message: 'to must be a calendar date YYYY-MM-DD' });
  const fromDay = from === undefined ? (toDay ?? 0) - (DEFAULT_PERIOD_DAYS - 1) : dayNumber(from);
  if (fromDay === null) errors.push({ field: 'from', message: 'from must be a calendar date YYYY-MM-DD' });
  if (errors.length) throw ProblemException.validation(errors);
  if (fromDay! > toDay!) throw ProblemException.validation([{ field: 'to', message: 'to must not be before from' }]);
  if (toDay! - fromDay! + 1 > MAX_PERIOD_DAYS) {
    throw ProblemException.validation([{ field: 'to', message: `a period covers at most ${MAX_PERIOD_DAYS} days` }]);
  }
  return periodOfDays(fromDay!, toDay!, tz);
}

/** A calendar month YYYY-MM in the unit's zone. */
export function periodOfMonth(month: string, tz: UnitTimezone): ReportPeriod {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw ProblemException.validation([{ field: 'month', message: 'month must be YYYY-MM, e.g. 2026-11' }]);
  const [y, m] = [Number(match[1]), Number(match[2])];
  const first = Date.UTC(y, m - 1, 1) / DAY_MS;
  const last = Date.UTC(y, m, 1) / DAY_MS - 1;
  return periodOfDays(first, last, tz);
}

/** The month before YYYY-MM. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** "November 2026". */
export function monthName(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${BULAN[m - 1]} ${y}`;
}

/** An instant as ISO 8601 in the unit's zone: 2026-11-05T09:30:00+09:00 (empty for null). */
export function localIso(at: Date | null, tz: UnitTimezone): string {
  if (!at) return '';
  const offset = ZONE_OFFSET_MINUTES[tz];
  const shifted = new Date(at.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const hh = String(Math.floor(offset / 60)).padStart(2, '0');
  const mm = String(offset % 60).padStart(2, '0');
  return `${shifted}+${hh}:${mm}`;
}

/** The instant a local date starts, for tests and callers that hold dates. */
export function localDayStart(date: string, tz: UnitTimezone): Date {
  const day = dayNumber(date);
  if (day === null) throw new Error(`not a date: ${date}`);
  return startOfLocalDay(day, tz);
}
