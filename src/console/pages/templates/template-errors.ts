/**
 * A template refused by TemplatesService (problem `template_invalid`, English detail from
 * Handlebars, `line` when known) said in Indonesian: what is wrong and where. The engine's own
 * text stays available beside it as the technical detail, whole.
 */
export function templateErrorText(detail: string | undefined, line: number | null | undefined): string {
  const where = typeof line === 'number' ? ` pada baris ${line}` : '';
  const text = (detail ?? '').replace(/^The template does not render:\s*/, '');
  const unknown = /"([^"]+)" not defined/.exec(text);
  if (unknown) return `Isian "${unknown[1]}" tidak dikenal${where}: periksa ejaannya di daftar isian templat.`;
  if (/Parse error|Expecting|lexical error/i.test(text)) {
    return `Penulisan Handlebars salah${where}: periksa tanda {{ }} dan pasangan blok seperti {{#if}} … {{/if}} di sekitar baris itu.`;
  }
  if (/doesn't match|does not match/i.test(text)) return `Blok Handlebars tidak berpasangan${where}: setiap {{#…}} perlu penutup {{/…}} yang sama.`;
  if (/helper|Missing helper/i.test(text)) return `Fungsi bantu templat tidak dikenal${where}.`;
  return `Templat tidak dapat dirender${where}.`;
}
