import type Handlebars from 'handlebars';
import { UNIT_TIMEZONES, type UnitTimezone } from '../units/unit.entity';

const ZONE_NAMES: Record<UnitTimezone, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };
const isZone = (tz: unknown): tz is UnitTimezone => typeof tz === 'string' && (UNIT_TIMEZONES as readonly string[]).includes(tz);

const FORMATS = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = FORMATS.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('id-ID', { timeZone: tz, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    FORMATS.set(tz, f);
  }
  return f;
}

/** "23/11/2026 19.40 WIB": a date and time in a unit's zone (Jakarta when none is known). */
export function formatWhen(value: unknown, tz?: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) return '';
  const zone = isZone(tz) ? tz : 'Asia/Jakarta';
  const parts = Object.fromEntries(formatter(zone).formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}.${parts.minute} ${ZONE_NAMES[zone]}`;
}

export const zoneName = (tz: unknown): string => (isZone(tz) ? ZONE_NAMES[tz] : 'WIB');

export const STATUS_LABELS: Record<string, string> = {
  draft: 'Draf', in_review: 'Menunggu tinjauan', approved: 'Disetujui', published: 'Terbit', rejected: 'Ditolak', withdrawn: 'Ditarik',
  scheduled: 'Terjadwal', retrying: 'Dicoba ulang', awaiting_manual: 'Menunggu posting manual', awaiting_reconnect: 'Menunggu akun dihubungkan ulang', unconfirmed: 'Belum pasti',
  failed: 'Gagal', cancelled: 'Dibatalkan', sending: 'Dikirim',
};
export const KIND_LABELS: Record<string, string> = { complaint: 'Pengaduan', feedback: 'Apresiasi warga', achievement: 'Prestasi' };
export const CHANNEL_LABELS: Record<string, string> = {
  website: 'Situs (rilis)', x: 'X', instagram: 'Instagram', facebook: 'Facebook', tiktok: 'TikTok', whatsapp: 'WhatsApp', telegram: 'Telegram',
};
export const ROLE_LABELS: Record<string, string> = { admin: 'Admin', humas: 'Humas', commander: 'Pimpinan', operator: 'Operator' };

/**
 * The console's Handlebars helpers. Each returns plain text (escaped by `{{ }}`), never HTML,
 * so no helper can open a hole in the escaping.
 */
export function registerConsoleHelpers(hbs: typeof Handlebars): void {
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('ne', (a: unknown, b: unknown) => a !== b);
  hbs.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  hbs.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hbs.registerHelper('not', (a: unknown) => !a);
  hbs.registerHelper('includes', (list: unknown, item: unknown) => Array.isArray(list) && list.includes(item));
  /** {{when date tz}}: date and time in the unit's zone. */
  hbs.registerHelper('when', (value: unknown, tz: unknown) => formatWhen(value, typeof tz === 'string' ? tz : undefined));
  /** {{iso date}}: for <time datetime="...">. */
  hbs.registerHelper('iso', (value: unknown) => {
    const date = value instanceof Date ? value : value ? new Date(String(value)) : null;
    return date && !Number.isNaN(date.getTime()) ? date.toISOString() : '';
  });
  hbs.registerHelper('zone', (tz: unknown) => zoneName(tz));
  hbs.registerHelper('statusLabel', (s: unknown) => STATUS_LABELS[String(s)] ?? String(s ?? ''));
  hbs.registerHelper('kindLabel', (s: unknown) => KIND_LABELS[String(s)] ?? String(s ?? ''));
  hbs.registerHelper('channelLabel', (s: unknown) => CHANNEL_LABELS[String(s)] ?? String(s ?? ''));
  hbs.registerHelper('roleLabel', (s: unknown) => ROLE_LABELS[String(s)] ?? String(s ?? ''));
  hbs.registerHelper('number', (n: unknown) => (typeof n === 'number' ? n.toLocaleString('id-ID') : String(n ?? '')));
}
