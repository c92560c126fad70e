import { optionalText, requireText } from './helper-error';

/**
 * Polri rank words with the capitalisation Humas uses: acronyms stay upper case (AKP, AKBP),
 * the rest are capitalised words (Kompol, Bripka, Kombes Pol). Matched per word and case-
 * insensitively, so "KOMBES POL", "kombes pol." and "Kombes" all come out right; a word we do
 * not know (a civil-servant grade, a new rank) is kept exactly as typed.
 */
const RANK_WORDS: ReadonlyMap<string, string> = new Map(
  [
    'Bharada', 'Bharatu', 'Bharaka', 'Abripda', 'Abriptu', 'Abrip',
    'Bripda', 'Briptu', 'Brigpol', 'Brigadir', 'Bripka', 'Aipda', 'Aiptu',
    'Ipda', 'Iptu', 'AKP', 'Kompol', 'AKBP', 'Kombes', 'Brigjen', 'Irjen', 'Komjen', 'Jenderal',
    'Pol', 'Polisi',
  ].map((word) => [word.toLowerCase(), word]),
);

function rankWord(word: string): string {
  return RANK_WORDS.get(word.toLowerCase().replace(/\.$/, '')) ?? word;
}

/** A rank with its usual capitalisation; '' when absent. */
export function normalisasiPangkat(rank: unknown): string {
  const text = optionalText(rank, 'pangkatNama', 'pangkat');
  return text === '' ? '' : text.split(' ').map(rankWord).join(' ');
}

/** Drops the rank from the front of a name typed with it ("Kompol Hendro") so it is not said twice. */
function withoutLeadingRank(name: string, rank: string): string {
  if (rank === '') return name;
  const nameWords = name.split(' ');
  const rankWords = rank.split(' ');
  if (nameWords.length <= rankWords.length) return name;
  const same = rankWords.every((w, i) => rankWord(nameWords[i]) === w);
  return same ? nameWords.slice(rankWords.length).join(' ') : name;
}

/**
 * "Kompol Hendro Saputra". The name is kept as typed (only whitespace is tidied): title-casing
 * would break names such as "I Gede", "La Ode" or "M. Rizky". A missing rank gives the name alone;
 * a missing name is an error because a rank alone reads as a mistake in a press release.
 */
export function pangkatNama(rank: unknown, name: unknown): string {
  const pangkat = normalisasiPangkat(rank);
  const nama = withoutLeadingRank(requireText(name, 'pangkatNama', 'nama'), pangkat);
  return pangkat === '' ? nama : `${pangkat} ${nama}`;
}

/** "Kapolsek Kebayoran Baru Kompol Hendro Saputra": the first mention of an official. */
export function jabatanPangkatNama(position: unknown, rank: unknown, name: unknown): string {
  const jabatan = optionalText(position, 'jabatanPangkatNama', 'jabatan');
  const orang = pangkatNama(rank, name);
  return jabatan === '' ? orang : `${jabatan} ${orang}`;
}
