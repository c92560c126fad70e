/**
 * E-mail addresses, also when written to dodge a pattern: "nama @ domain .com",
 * "nama at domain dot com", "nama(at)domain(dot)com", "nama [at] domain [titik] co [titik] id".
 */
import type { DetectionContext, Hit } from './detector';

const LOCAL = "[A-Za-z\\u00c0-\\u024f0-9_%+\\-]+(?:\\.[A-Za-z\\u00c0-\\u024f0-9_%+\\-]+)*";
const LABEL = '[A-Za-z\\u00c0-\\u024f0-9](?:[A-Za-z\\u00c0-\\u024f0-9\\-]{0,61}[A-Za-z\\u00c0-\\u024f0-9])?';
/**
 * "@" as written: the sign (spaces on both sides or none before), or the word at/et in brackets or
 * between spaces. A space before the sign and none after is a mention ("ikuti @polres.jaksel").
 */
const AT = '(?:@\\s*|\\s+@\\s+|\\s*[\\[(]\\s*(?:at|et|@)\\s*[\\])]\\s*|\\s+(?:at|et)\\s+)';
/** Labels that end addresses: a spaced full stop before one of them is still a dot ("domain .com"). */
const KNOWN_LABEL = '(?:com|net|org|id|co|ac|go|sch|or|web|my|info|biz|io|me|edu|gov|mil|polri|desa|ponpes|mail)(?![A-Za-z\\u00c0-\\u024f0-9])';
/** "." in the domain: the full stop (spaced only before a known label), or dot/titik in brackets or between spaces. */
const DOT = `(?:\\.|\\s*\\.\\s*(?=${KNOWN_LABEL})|\\s*[\\[(]\\s*(?:dot|titik|\\.)\\s*[\\])]\\s*|\\s+(?:dot|titik)\\s+)`;
const TLD = '[A-Za-z]{2,24}';
const EMAIL = new RegExp(`(?<![A-Za-z\\u00c0-\\u024f0-9_%+.\\-])${LOCAL}${AT}(?:${LABEL}${DOT})+${TLD}(?![A-Za-z\\u00c0-\\u024f0-9\\-])`, 'gi');
/** The plain form, which needs no brackets or spelled-out words. */
const PLAIN_AT = /@/;
const SPELLED = /[\[(]\s*(?:at|et|@|dot|titik)\s*[\])]|\s(?:at|et)\s/i;

/** Domains people write without a dot-word: "gmail com" after an "at" is still an address. */
const MAIL_DOMAINS = /^(?:gmail|yahoo|ymail|hotmail|outlook|live|icloud|proton(?:mail)?|rocketmail|mail|gmx|aol|polri)$/i;
/** "budi @gmail.com": a space before the sign only, before a mail domain (a mention has no such domain). */
const MAIL_TLD = '(?:com|net|org|co\\.id|go\\.id|ac\\.id|sch\\.id|or\\.id|web\\.id|my\\.id|biz\\.id|id|info|io|me|edu)';
const SPACED_BEFORE = new RegExp(`(?<![A-Za-z\\u00c0-\\u024f0-9_%+.\\-])${LOCAL}\\s+@${LABEL}(?:\\.${LABEL})*\\.${MAIL_TLD}(?![A-Za-z\\u00c0-\\u024f0-9\\-])(?!\\.[A-Za-z0-9])`, 'gi');
const LOOSE = new RegExp(`(?<![A-Za-z\\u00c0-\\u024f0-9_%+.\\-])${LOCAL}${AT}([A-Za-z]+)\\s+(?:com|co\\.id|co id|net|id|org)(?![A-Za-z\\u00c0-\\u024f0-9])`, 'gi');

export function detectEmails(text: string, ctx: DetectionContext, out: Hit[]): void {
  if (PLAIN_AT.test(text) || SPELLED.test(text)) {
    for (const m of text.matchAll(EMAIL)) {
      // a spelled-out "at" between ordinary words ("tiba at kantor dot"...) needs a real domain shape
      if (!m[0].includes('@') && !/[\[(]/.test(m[0]) && !/\s(?:dot|titik)\s/i.test(m[0]) && !/\.\p{L}{2,}$/u.test(m[0])) continue;
      out.push({ kind: 'email', start: m.index!, end: m.index! + m[0].length });
    }
    for (const m of text.matchAll(SPACED_BEFORE)) out.push({ kind: 'email', start: m.index!, end: m.index! + m[0].length });
    for (const m of text.matchAll(LOOSE)) {
      if (MAIL_DOMAINS.test(m[1])) out.push({ kind: 'email', start: m.index!, end: m.index! + m[0].length });
    }
  }
  knownEmails(text, ctx, out);
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
