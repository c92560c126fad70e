import { neutraliseCell } from '../../reports/csv-cell';
import type { RegistryUnit } from './official-accounts.service';

export const STATE_LABELS: Record<string, string> = {
  none: 'Belum ada', manual: 'Manual', webhook: 'Webhook', connected: 'Terhubung', expiring: 'Segera kedaluwarsa',
  reconnect_needed: 'Perlu dihubungkan ulang', revoked: 'Akses dicabut',
};

const HEADERS = ['Kode Satuan', 'Satuan', 'Tingkat', 'Kanal', 'Akun', 'Status', 'Terverifikasi', 'Sumber Verifikasi', 'Diperiksa', 'Posting Terakhir'];

/**
 * The registry as CSV, one row per unit and channel: UTF-8 with a BOM, every cell quoted, CRLF,
 * formula-looking cells neutralised (the same rules as the stories export).
 */
export function registryCsv(units: RegistryUnit[]): string {
  const rows = [HEADERS, ...units.flatMap((u) => u.accounts.map((a) => [
    u.unitCode, u.unitName, u.level, a.channel, a.handle ?? '', STATE_LABELS[a.state] ?? a.state, a.verified ? 'ya' : 'tidak',
    a.verifiedSource === 'api' ? 'API platform' : a.verifiedSource === 'admin' ? 'Admin' : '', a.verifiedCheckedAt ?? '', a.lastPostAt ?? '',
  ]))];
  return `\uFEFF${rows.map((row) => row.map((cell) => `"${neutraliseCell(cell).replace(/"/g, '""')}"`).join(',')).join('\r\n')}\r\n`;
}
