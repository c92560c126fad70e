/**
 * Identity numbers other than the NIK: NPWP, passport, SIM, BPJS/KIS, NISN, NIP, KITAS, birth
 * certificate, student card, Prakerja card. Most are only recognisable by the word that announces
 * them ("NPWP pelapor 09.254.294.3-407.000", "paspor korban no. C 4512987"); NPWP and NIP have a
 * shape of their own and are found without one.
 */
import { type Announcer, contextBefore, type DetectionContext, type Hit } from './detector';

const ID_WORDS =
  'npwp|paspor|passport|\\bsim\\b|bpjs|\\bkis\\b|\\bjkn\\b|nisn|\\bnis\\b|\\bnip\\b|akta(?:\\s+kelahiran)?|kartu\\s+pelajar|kitas|kitap|prakerja|' +
  'kartu\\s+keluarga|\\bkk\\b|\\bnib\\b|nomor\\s+induk\\s+(?:pegawai|siswa)|\\bktm\\b|kartu\\s+mahasiswa';
/**
 * Between the word and the number only a label or whose it is ("NPWP pelapor:", "paspor korban
 * no.", "kartu BPJS Kesehatan korban no."): "pelayanan SIM di Satpas pada Selasa (25/10/2026)"
 * announces no number.
 */
const GAP =
  /^(?:[\s:.#(),\-]|no|nomor|nomer|nmr|number|pelapor|korban|saksi|terlapor|tersangka|warga|suami|istri|anak|ybs|yg|yang|baru|lama|milik|asli|kesehatan|ketenagakerjaan|elektronik|pbi|wna|wni|dari|tercantum|tertera|\(\d{1,2}\s*digit\))*$/i;
const ID_CONTEXT: Announcer = { words: new RegExp(ID_WORDS, 'gi'), gap: GAP };
const DATE_OR_TIME = /^\d{1,2}[./\-]\d{1,2}(?:[./\-]\d{2,4})?$|^\d{4}-\d{2}-\d{2}$/;
/** After an announcing word: a number, possibly with letters (passport "C 4512987", KITAS "2C21AB4567891"). */
const TOKEN = /(?<![A-Za-z0-9])(?:[A-Za-z]{1,3}[ .\-]?)?\d[0-9A-Za-z.\-/ ]{3,30}[0-9A-Za-z]/g;
/** NPWP written as it is printed: 09.254.294.3-407.000. */
const NPWP = /(?<![0-9])\d{2}\.\d{3}\.\d{3}\.\d-\d{3}\.\d{3}(?![0-9])/g;
/** NIP of a civil servant: birth date, appointment month, sex, sequence (18 digits, often in groups). */
const NIP = /(?<![0-9])(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\s?(?:19|20)\d{2}(?:0[1-9]|1[0-2])\s?[12]\s?\d{3}(?![0-9])/g;
const MAY_HAVE = new RegExp(ID_WORDS, 'i');

/** Cuts a token before the first ordinary word in it ("C 4512987 korban" -> "C 4512987"). */
function trimToken(token: string): string {
  const word = /[ .\-/][A-Za-z]{4,}/.exec(token);
  return (word ? token.slice(0, word.index) : token).replace(/[ .\-/]+$/, '');
}

export function detectIdNumbers(text: string, _ctx: DetectionContext, out: Hit[]): void {
  for (const re of [NPWP, NIP]) for (const m of text.matchAll(re)) out.push({ kind: 'idnum', start: m.index!, end: m.index! + m[0].length });
  if (!MAY_HAVE.test(text)) return;
  for (const m of text.matchAll(TOKEN)) {
    const token = trimToken(m[0]);
    if ((token.match(/\d/g) ?? []).length < 5 || DATE_OR_TIME.test(token)) continue;
    // the announcing word may be the token's own letters ("No. KIS 0002 ..."): look before its first digit too
    const firstDigit = m.index! + m[0].search(/\d/);
    if (!contextBefore(text, m.index!, 48, ID_CONTEXT) && !contextBefore(text, firstDigit, 48, ID_CONTEXT)) continue;
    const start = contextBefore(text, m.index!, 48, ID_CONTEXT) ? m.index! : firstDigit;
    out.push({ kind: 'idnum', start, end: m.index! + token.length });
  }
}
