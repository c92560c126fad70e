/**
 * E-mail addresses, also when written to dodge a pattern: "nama @ domain .com",
 * "nama at domain dot com", "nama(at)domain(dot)com", "nama [at] domain [titik] co [titik] id".
 */
import type { DetectionContext, Hit } from './detector';

const WORD = 'A-Za-z\\u00c0-\\u024f0-9';
/** Brackets people put around "at" and "dot": ( ), [ ], { }. */
const OPEN = '[\\[({]';
const CLOSE = '[\\])}]';
/** The local part: dotted, or with "(dot)" between its pieces ("bayu(dot)saputra"). */
const LOCAL = `[${WORD}_%+\\-]+(?:(?:\\.|\\s*${OPEN}\\s*(?:dot|titik)\\s*${CLOSE}\\s*)[${WORD}_%+\\-]+)*`;
const LABEL = `[${WORD}](?:[${WORD}\\-]{0,61}[${WORD}])?`;
/**
 * "@" as written: the sign (spaces on both sides or none before), or the word at/et in brackets or
 * between spaces. A space before the sign and none after is a mention ("ikuti @polres.jaksel").
 */
const AT = `(?:@\\s*|\\s+@\\s+|\\s*${OPEN}\\s*(?:at|et|@)\\s*${CLOSE}\\s*|\\s+(?:at|et)\\s+)`;
/** Labels that end addresses: a spaced full stop (or a comma typed for one) before one of them is still a dot. */
const KNOWN_LABEL = `(?:com|net|org|id|co|ac|go|sch|or|web|my|info|biz|io|me|edu|gov|mil|polri|desa|ponpes|mail)(?![${WORD}])`;
/** "." in the domain: the full stop (spaced or a comma only before a known label), or dot/titik in brackets or between spaces. */
const DOT = `(?:\\.|\\s*[.,]\\s*(?=${KNOWN_LABEL})|\\s*${OPEN}\\s*(?:dot|titik|\\.)\\s*${CLOSE}\\s*|\\s+(?:dot|titik)\\s+)`;
const TLD = '[A-Za-z]{2,24}';
const EMAIL = new RegExp(`(?<![${WORD}_%+.\\-])${LOCAL}${AT}(?:${LABEL}${DOT})+${TLD}(?![${WORD}\\-])`, 'gi');

/** Mail services people name without the rest of the domain ("budi88@gmail", "gmail titik com"). */
const MAIL_SERVICES = '(?:gmail|yahoo|ymail|hotmail|outlook|live|icloud|proton(?:mail)?|rocketmail|gmx|aol)';
/** "budi @gmail.com": a space before the sign only, before a mail domain (a mention has no such domain). */
const MAIL_TLD = '(?:com|net|org|co\\.id|go\\.id|ac\\.id|sch\\.id|or\\.id|web\\.id|my\\.id|biz\\.id|id|info|io|me|edu)';
const SPACED_BEFORE = new RegExp(`(?<![${WORD}_%+.\\-])${LOCAL}\\s+@${LABEL}(?:\\.${LABEL})*\\.${MAIL_TLD}(?![${WORD}\\-])(?!\\.[A-Za-z0-9])`, 'gi');
/** "nama at gmail com", "nama di gmail titik com", "budi88@gmail": a mail service, however the rest is written. */
const LOOSE = new RegExp(
  `(?<![${WORD}_%+.\\-])${LOCAL}(?:${AT}|\\s+di\\s+)${MAIL_SERVICES}(?:(?:\\s+|${DOT})(?:com|co(?:${DOT}|\\s+)id|net|id|org))?(?![${WORD}])`,
  'gi',
);

/** Where an address may be: an '@', a spelled-out or bracketed at/dot, a mail service's name. */
const ANCHOR = /@|[\[({]\s*(?:at|et|@|dot|titik)\s*[\])}]|\s(?:at|et)\s|gmail|yahoo|ymail|hotmail|outlook|icloud|proton|rocketmail|gmx/gi;
/** How far around an anchor an address may reach (a long local part, a long domain). */
const BEFORE = 96;
const AFTER = 160;

/**
 * The address patterns run only in windows around their anchors: tried at every position of a
 * long release, their local-part loops cost more than the rest of the drafting lint together.
 * A window starts at a blank, so it never cuts a local part in two.
 */
export function detectEmails(text: string, ctx: DetectionContext, out: Hit[]): void {
  let covered = -1;
  for (const anchor of text.matchAll(ANCHOR)) {
    if (anchor.index! < covered) continue;
    let from = Math.max(0, anchor.index! - BEFORE);
    if (from > 0) {
      const blank = text.lastIndexOf(' ', from);
      from = blank < 0 ? 0 : blank;
    }
    const to = Math.min(text.length, anchor.index! + AFTER);
    covered = to - AFTER / 2;
    emailsIn(text.slice(from, to), from, out);
  }
  knownEmails(text, ctx, out);
}

function emailsIn(window: string, offset: number, out: Hit[]): void {
  const push = (m: RegExpMatchArray) => out.push({ kind: 'email', start: offset + m.index!, end: offset + m.index! + m[0].length });
  for (const m of window.matchAll(EMAIL)) {
    // a spelled-out "at" between ordinary words ("tiba at kantor dot"...) needs a real domain shape
    if (!m[0].includes('@') && !/[\[({]/.test(m[0]) && !/\s(?:dot|titik)\s/i.test(m[0]) && !/\.\p{L}{2,}$/u.test(m[0])) continue;
    push(m);
  }
  for (const m of window.matchAll(SPACED_BEFORE)) push(m);
  for (const m of window.matchAll(LOOSE)) {
    // "di gmail" needs the rest of the domain after it; the sign or "at" does not
    if (/\sdi\s/i.test(m[0]) && !/(com|id|net|org)$/i.test(m[0])) continue;
    push(m);
  }
}

/**
 * A citizen's own address, and its user name on its own ("budi.santoso88"): a user name of five
 * or more characters with a digit, dot or underscore names one person.
 */
function knownEmails(text: string, ctx: DetectionContext, out: Hit[]): void {
  for (const c of ctx.citizens ?? []) {
    const email = c.email?.trim().toLowerCase();
    if (!email) continue;
    const local = email.split('@')[0];
    const lower = text.toLowerCase();
    for (const needle of [email, ...(local.length >= 5 && /[\d._]/.test(local) ? [local] : [])]) {
      for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
        const before = at > 0 ? text[at - 1] : ' ';
        const after = text[at + needle.length] ?? ' ';
        if (!/[A-Za-z\u00c0-\u024f0-9_]/u.test(before) && !/[A-Za-z\u00c0-\u024f0-9_]/u.test(after)) out.push({ kind: 'email', start: at, end: at + needle.length });
      }
    }
  }
}
