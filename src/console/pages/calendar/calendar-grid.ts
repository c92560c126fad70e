import { localToInstant, offsetMs } from '../../local-time';

export type CalendarView = 'minggu' | 'bulan';

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const WEEKDAYS = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];
const DAY = 86_400_000;

/** A calendar date (no zone) as a UTC-midnight Date, for day arithmetic only. */
const dateOf = (iso: string) => new Date(`${iso}T00:00:00Z`);
const isoOf = (d: Date) => d.toISOString().slice(0, 10);

export interface CalendarDay {
  date: string;
  label: string;
  weekday: string;
  inMonth: boolean;
  today: boolean;
  /** Instants of the day's start and end in the zone. */
  start: Date;
  end: Date;
}

export interface CalendarPeriod {
  view: CalendarView;
  title: string;
  days: CalendarDay[];
  from: Date;
  to: Date;
  previous: string;
  next: string;
}

/** The local date of an instant in a zone ("2026-11-24"). */
export function localDate(instant: Date, timezone: string): string {
  return new Date(instant.getTime() + offsetMs(instant.getTime(), timezone)).toISOString().slice(0, 10);
}

/**
 * The days a calendar view shows, in the unit's zone: a week from Monday, or a month padded to
 * whole weeks (Monday to Sunday), with the instants each day starts and ends.
 */
export function calendarPeriod(view: CalendarView, anchor: string, timezone: string, today: string): CalendarPeriod {
  const day = dateOf(anchor);
  const monday = (d: Date) => new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY);
  let first: Date;
  let last: Date;
  let title: string;
  let previous: string;
  let next: string;
  if (view === 'minggu') {
    first = monday(day);
    last = new Date(first.getTime() + 6 * DAY);
    title = `${first.getUTCDate()} ${MONTHS[first.getUTCMonth()]} – ${last.getUTCDate()} ${MONTHS[last.getUTCMonth()]} ${last.getUTCFullYear()}`;
    previous = isoOf(new Date(first.getTime() - 7 * DAY));
    next = isoOf(new Date(first.getTime() + 7 * DAY));
  } else {
    const start = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
    const end = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0));
    first = monday(start);
    last = new Date(monday(end).getTime() + 6 * DAY);
    title = `${MONTHS[start.getUTCMonth()]} ${start.getUTCFullYear()}`;
    previous = isoOf(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - 1, 1)));
    next = isoOf(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)));
  }
  const days: CalendarDay[] = [];
  for (let d = first; d <= last; d = new Date(d.getTime() + DAY)) {
    const date = isoOf(d);
    const following = isoOf(new Date(d.getTime() + DAY));
    days.push({
      date, label: `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()].slice(0, 3)}`, weekday: WEEKDAYS[(d.getUTCDay() + 6) % 7],
      inMonth: view === 'minggu' || d.getUTCMonth() === day.getUTCMonth(), today: date === today,
      start: localToInstant(`${date}T00:00`, timezone)!, end: localToInstant(`${following}T00:00`, timezone)!,
    });
  }
  return { view, title, days, from: days[0].start, to: days[days.length - 1].end, previous, next };
}
