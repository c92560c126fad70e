/** Lines of this form separate the variants inside one template or partial file. */
export const VARIANT_MARKER = /^\{\{!-- *variant *--\}\}[ \t]*\r?\n/m;

export function splitVariants(source: string): string[] {
  // A file ends with a newline; a partial used inside a sentence must not break the line.
  return source.split(VARIANT_MARKER).map((part) => part.replace(/\r?\n$/, '')).filter((part) => part.trim().length > 0);
}

/** FNV-1a: a fast, stable hash, so the same story always gets the same variant. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Picks variant `n` of `count` for a story (seed) and a template or partial name. */
export function pickVariant(seed: string, name: string, count: number): number {
  return count <= 1 ? 0 : fnv1a(`${seed}:${name}`) % count;
}
