/** URL slug for the press room: ASCII words of the title, plus a short id so it is unique and stable. */
export function storySlug(title: string, id: string): string {
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
