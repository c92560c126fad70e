import { feedErrorText } from './partners/feed-errors';
import { templateErrorText } from './templates/template-errors';

describe('errors in the officer\'s words', () => {
  it('says a partner feed\'s failure in Indonesian, never the poller\'s English', () => {
    expect(feedErrorText('dns_failed: ENOTFOUND resolving the host')).toMatch(/^Nama situs tidak ditemukan \(DNS\)/);
    expect(feedErrorText('http_status: HTTP 404')).toMatch(/HTTP 404/);
    expect(feedErrorText('http_status: HTTP 503')).toBe('Server mitra menjawab dengan galat (HTTP 503).');
    expect(feedErrorText('malformed: malformed XML: Unexpected close tag')).toBe('Isi feed bukan XML yang utuh.');
    expect(feedErrorText(null)).toBeNull();
  });

  it('says a template error with its line, whole, in Indonesian', () => {
    expect(templateErrorText("The template does not render: Parse error on line 9:", 9)).toMatch(/^Penulisan Handlebars salah pada baris 9/);
    expect(templateErrorText('The template does not render: "unit.nama" not defined', 3)).toBe('Isian "unit.nama" tidak dikenal pada baris 3: periksa ejaannya di daftar isian templat.');
    expect(templateErrorText('The template does not render: if doesn\'t match each', null)).toMatch(/^Blok Handlebars tidak berpasangan/);
  });
});
