import { SINGKATAN_BERTITIK } from './kamus';

/**
 * Sentences of a text, for trimming quotes at a boundary and for the editorial lint. A full
 * stop ends a sentence only when a space and a capital (or an opening quote) follow and the word
 * before it is not an abbreviation ("Jl.", "No.") or an initial ("A.W.").
 */
export function kalimatKalimat(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const END = /[.!?…]+["”’)]*(?=\s+["“‘(]?[\p{Lu}\p{N}]|\s*$)/gu;
  for (let m = END.exec(text); m; m = END.exec(text)) {
    const stop = m.index + m[0].length;
    if (m[0][0] === '.' && !endsSentence(text, m.index)) continue;
    const sentence = text.slice(start, stop).trim();
    if (sentence) out.push(sentence);
    start = stop;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/** Whether the full stop at `dot` ends a sentence (not "Jl.", "No.", "A.W.", "S.H."). */
export function endsSentence(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1])) i--;
  const word = text.slice(i, dot);
  if (word.length === 0) return true;
  if (/^(\p{L}\.)*\p{L}$/u.test(word) && /\p{Lu}/u.test(word[word.length - 1]) && word.replace(/\./g, '').length <= 3) return false;
  return !SINGKATAN_BERTITIK.has(word.toLowerCase());
}

/**
 * The first whole sentences of a text that fit in `max` characters. When even the first sentence
 * is longer, it is cut at the last clause boundary (comma) or word that fits, with an ellipsis:
 * a citizen's words are shortened, never reworded.
 */
export function potongKalimat(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const sentence of kalimatKalimat(text)) {
    const next = out ? `${out} ${sentence}` : sentence;
    if (next.length > max) break;
    out = next;
  }
  if (out) return out;
  const room = text.slice(0, max - 1);
  const comma = room.lastIndexOf(', ');
  const space = room.lastIndexOf(' ');
  const cut = comma > max * 0.5 ? comma : space > 0 ? space : room.length;
  return `${room.slice(0, cut).replace(/[\s,;:]+$/u, '')}…`;
}

/** Number of words in a sentence (for the long-sentence lint). */
export function jumlahKata(sentence: string): number {
  return sentence.match(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
