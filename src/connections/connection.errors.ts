/** Why connecting or refreshing an account failed; codes are stable (API problem codes). */
export type ConnectionErrorCode =
  | 'not_configured'
  | 'state_invalid'
  | 'consent_denied'
  | 'code_rejected'
  | 'refresh_rejected'
  | 'scope_missing'
  | 'no_page'
  | 'bot_not_admin'
  | 'credentials_invalid'
  | 'provider_unreachable'
  | 'provider_error';

/** Officer-facing messages (Indonesian), one per code. */
export const CONNECTION_MESSAGES: Record<ConnectionErrorCode, string> = {
  not_configured: 'Aplikasi platform ini belum didaftarkan di Gaung (lihat README: Channel connections).',
  state_invalid: 'Tautan kembali dari platform tidak dikenal atau sudah dipakai. Mulai lagi dari "Hubungkan akun".',
  consent_denied: 'Izin ditolak di platform. Akun tidak dihubungkan.',
  code_rejected: 'Platform menolak kode otorisasi (kedaluwarsa atau sudah dipakai). Mulai lagi dari "Hubungkan akun".',
  refresh_rejected: 'Platform menolak memperbarui token: akun perlu dihubungkan ulang.',
  scope_missing: 'Izin yang diberikan tidak lengkap. Hubungkan ulang dan setujui semua izin.',
  no_page: 'Tidak ada Halaman Facebook (atau akun Instagram profesional yang tertaut) yang dapat dikelola akun ini.',
  bot_not_admin: 'Bot belum menjadi admin kanal dengan hak mengirim pesan.',
  credentials_invalid: 'Kredensial ditolak oleh platform.',
  provider_unreachable: 'Platform tidak dapat dihubungi. Coba lagi sebentar lagi.',
  provider_error: 'Platform menjawab dengan galat.',
};

export class ConnectionError extends Error {
  constructor(readonly code: ConnectionErrorCode, readonly detail: string) {
    super(`${code}: ${detail}`);
    this.name = 'ConnectionError';
  }

  /** The officer-facing message. */
  get officerMessage(): string {
    return CONNECTION_MESSAGES[this.code];
  }
}
