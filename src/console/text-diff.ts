/** One run of a word diff: kept, inserted or deleted text. */
export interface DiffPart {
  op: 'same' | 'ins' | 'del';
  text: string;
}

/** Above this many cells the diff is taken line by line instead of word by word (memory and time stay small). */
const MAX_CELLS = 4_000_000;

/**
 * The difference between two revisions of a draft: a longest-common-subsequence over words
 * (whitespace kept with its word), runs of the same kind merged. The view escapes the text.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  let a = tokens(before);
  let b = tokens(after);
  if (a.length * b.length > MAX_CELLS) {
    a = lines(before);
    b = lines(after);
  }
  if (a.length * b.length > MAX_CELLS) return [{ op: 'del', text: before }, { op: 'ins', text: after }];
  // lcs[i][j] = LCS length of a[i..] and b[j..], in one flat array
  const w = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    }
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i]);
      i++;
      j++;
    } else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) push('del', a[i++]);
    else push('ins', b[j++]);
  }
  while (i < a.length) push('del', a[i++]);
  while (j < b.length) push('ins', b[j++]);
  return parts;
}

const tokens = (text: string) => text.match(/\S+\s*|\s+/g) ?? [];
const lines = (text: string) => text.match(/[^\n]*\n|[^\n]+/g) ?? [];
