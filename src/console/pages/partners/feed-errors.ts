/**
 * A partner feed's last error as the officer reads it. The poller stores "<code>: <detail>" in
 * English (our own codes, never the server's text); the console says what happened and what to
 * do, in Indonesian, keeping an HTTP status number where there is one.
 */
const FEED_ERRORS: Record<string, string> = {
  bad_url: 'Alamat feed tidak valid. Periksa alamatnya.',
  scheme_not_allowed: 'Alamat feed harus diawali http:// atau https://.',
  address_refused: 'Alamat feed mengarah ke jaringan internal dan tidak diambil.',
  dns_failed: 'Nama situs tidak ditemukan (DNS). Periksa ejaan alamat feed atau tanyakan ke redaksi mitra.',
  connect_timeout: 'Server mitra tidak menjawab saat dihubungi.',
  timeout: 'Server mitra terlalu lama mengirim feed.',
  too_large: 'Feed terlalu besar untuk diambil.',
  too_many_redirects: 'Alamat feed dialihkan terlalu banyak kali.',
  bad_encoding: 'Server mitra mengirim feed dalam bentuk yang tidak dikenali.',
  network: 'Sambungan ke server mitra terputus.',
  entities_refused: 'Feed memuat deklarasi entitas XML dan ditolak demi keamanan.',
  malformed: 'Isi feed bukan XML yang utuh.',
  not_a_feed: 'Alamat ini bukan feed RSS atau Atom.',
  unexpected: 'Terjadi kesalahan saat memeriksa feed.',
};

export function feedErrorText(lastError: string | null | undefined): string | null {
  if (!lastError) return null;
  const [code, ...rest] = lastError.split(':');
  const detail = rest.join(':');
  if (code === 'http_status') {
    const status = /HTTP (\d{3})/.exec(detail)?.[1];
    return status === '404' ? 'Feed tidak ditemukan di server mitra (HTTP 404). Minta alamat feed yang baru.'
      : `Server mitra menjawab dengan galat${status ? ` (HTTP ${status})` : ''}.`;
  }
  return FEED_ERRORS[code.trim()] ?? 'Terjadi kesalahan saat memeriksa feed.';
}
