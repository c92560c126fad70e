/**
 * Title similarity weighted by how rare each word is among our titles: "Polsek", "Tuntaskan",
 * "Laporan" are in many of them, a place name is in few. Two titles from the same template about
 * different places then score low, the same title reworded scores high.
 */
export class TitleWeights {
  private readonly df = new Map<string, number>();
  private readonly maxWeight: number;

  constructor(private readonly titles: readonly (readonly string[])[]) {
    for (const words of titles) for (const word of new Set(words)) this.df.set(word, (this.df.get(word) ?? 0) + 1);
    this.maxWeight = this.weightOf(1);
  }

  /** Weighted Dice coefficient of two content-word lists (0-1). */
  similarity(a: readonly string[], b: readonly string[]): number {
    if (a.length === 0 || b.length === 0) return 0;
    const left = new Set(a);
    const right = new Set(b);
    let shared = 0;
    let total = 0;
    for (const word of left) {
      const w = this.weight(word);
      total += w;
      if (right.has(word)) shared += w;
    }
    for (const word of right) total += this.weight(word);
    return total > 0 ? (2 * shared) / total : 0;
  }

  private weight(word: string): number {
    const df = this.df.get(word);
    return df === undefined ? this.maxWeight : this.weightOf(df);
  }

  private weightOf(df: number): number {
    return Math.log(1 + (this.titles.length + 1) / df);
  }
}
