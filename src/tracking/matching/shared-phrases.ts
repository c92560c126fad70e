import type { Tokens } from './normalise';
import { SHINGLE_SIZE, shingleSequence } from './shingles';

/**
 * The longest runs of content words an item shares with a story (evidence for the officer
 * reviewing a pickup): consecutive shared shingles joined into phrases, longest first.
 * `distinctive` filters out boilerplate shingles (in too many stories to mean anything).
 */
export function sharedPhrases(item: Tokens, story: Uint32Array, distinctive: (hash: number) => boolean, limit = 5): string[] {
  const ours = new Set(shingleSequence(story));
  const sequence = shingleSequence(item.hashes);
  const runs: { from: number; to: number }[] = [];
  let from = -1;
  for (let i = 0; i <= sequence.length; i++) {
    const shared = i < sequence.length && ours.has(sequence[i]) && distinctive(sequence[i]);
    if (shared && from < 0) from = i;
    if (!shared && from >= 0) {
      runs.push({ from, to: i - 1 });
      from = -1;
    }
  }
  return runs
    .sort((a, b) => b.to - b.from - (a.to - a.from))
    .slice(0, limit)
    .map((run) => item.words.slice(run.from, run.to + SHINGLE_SIZE).join(' '));
}
