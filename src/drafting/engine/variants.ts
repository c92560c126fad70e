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

/**
 * What the variant choice of one story knows: its own earlier choices (a regeneration keeps its
 * wording) and the choices of the unit's recent stories of the same kind and category (so that
 * two curanmor releases of one Polsek in a week do not read word for word alike). `chosen` is
 * filled while rendering and stored with the story.
 */
export interface VariantMemory {
  own: Readonly<Record<string, number>>;
  /** Newest first. */
  recent: readonly Readonly<Record<string, number>>[];
  chosen: Record<string, number>;
}

export function emptyVariantMemory(): VariantMemory {
  return { own: {}, recent: [], chosen: {} };
}

/**
 * The variant of a template or partial for a story: the story's own earlier choice if it has one,
 * else the hash's pick moved on past every variant the unit used in its last `count - 1` stories
 * of that kind and category (so each of the last few used a different one while variants last).
 */
export function chooseVariant(seed: string, name: string, count: number, memory?: VariantMemory): number {
  let index = 0;
  if (count > 1) {
    const own = memory?.own[name];
    if (own !== undefined && Number.isInteger(own) && own >= 0 && own < count) index = own;
    else {
      index = pickVariant(seed, name, count);
      if (memory && memory.recent.length > 0) {
        const used = new Set<number>();
        for (let i = 0; i < memory.recent.length && i < count - 1; i++) {
          const v = memory.recent[i]?.[name];
          if (v !== undefined) used.add(v);
        }
        for (let step = 0; step < count; step++) {
          const candidate = (index + step) % count;
          if (!used.has(candidate)) {
            index = candidate;
            break;
          }
        }
      }
    }
  }
  if (memory) memory.chosen[name] = index;
  return index;
}
