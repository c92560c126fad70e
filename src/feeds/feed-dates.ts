/**
 * Dates in feeds are written in the unit's own zone (RFC 822 "+0700" for RSS, RFC 3339 "+07:00"
 * for Atom and JSON Feed): a partner in Makassar sees 10.00 WITA, not 02.00 GMT. Indonesian zones
 * have no daylight saving, so a fixed offset per zone is exact.
 */
export const ZONES: Record<string, { offsetMinutes: number; label: string }> = {
  'Asia/Jakarta': { offsetMinutes: 7 * 60, label: 'WIB' },
  'Asia/Makassar': { offsetMinutes: 8 * 60, label: 'WITA' },
  'Asia/Jayapura': { offsetMinutes: 9 * 60, label: 'WIT' },
};
const DEFAULT_ZONE = 'Asia/Jakarta';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const HARI = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const pad = (n: number) => String(n).padStart(2, '0');

function zoneOf(timezone: string | null | undefined) {
  return ZONES[timezone ?? DEFAULT_ZONE] ?? ZONES[DEFAULT_ZONE];
}

/** The wall-clock fields of `at` in the zone (read with getUTC*). */
function shifted(at: Date, offsetMinutes: number): Date {
  return new Date(at.getTime() + offsetMinutes * 60_000);
}

function offsetText(offsetMinutes: number, colon: boolean): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
}

/** "Sun, 25 Oct 2026 16:40:00 +0700" (RFC 822 with a four-digit year, as RSS 2.0 expects). */
export function rfc822(at: Date, timezone?: string | null): string {
  const zone = zoneOf(timezone);
  const d = shifted(at, zone.offsetMinutes);
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} `
    + `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${offsetText(zone.offsetMinutes, false)}`;
}

/** "2026-10-25T16:40:00+07:00" (RFC 3339, whole seconds). */
export function rfc3339(at: Date, timezone?: string | null): string {
  const zone = zoneOf(timezone);
  const d = shifted(at, zone.offsetMinutes);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T`
    + `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${offsetText(zone.offsetMinutes, true)}`;
}

/** "Jumat, 20/11/2026 pukul 10.00 WIB": the house style for times in text. */
export function humanTime(at: Date, timezone?: string | null): string {
  const zone = zoneOf(timezone);
  const d = shifted(at, zone.offsetMinutes);
  return `${HARI[d.getUTCDay()]}, ${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} `
    + `pukul ${pad(d.getUTCHours())}.${pad(d.getUTCMinutes())} ${zone.label}`;
}
