/**
 * URL slug for the press room: ASCII words of the title, plus a short id so it is unique and
 * stable. A sensitive story's slug says nothing of the case (issue 16: "...-laporan-kdrt-di-
 * <kelurahan>" identified a victim): "siaran-pers-<id>".
 */
export function storySlug(title: string, id: string, sensitive = false): string {
  if (sensitive) return `siaran-pers-${id.replace(/-/g, '').slice(0, 12)}`;
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+[^-]*$/, (tail) => (tail.length > 20 ? '' : tail)); // do not end on a cut word
  return `${words || 'rilis'}-${id.replace(/-/g, '').slice(0, 8)}`;
}
