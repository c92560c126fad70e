/**
 * A citizen's social media accounts: profile links (instagram.com/..., facebook.com/profile.php?id=...,
 * tiktok.com/@..., linktr.ee/..., shop pages), handles given with their platform ("IG: maruf_alhakim",
 * "snap: cutrizkaaa"), and @handles where the words around say they are an account ("akun IG korban
 * @budisantoso88 dibajak"). The police's own accounts (@divisihumaspolri, instagram.com/polres...) are
 * public and stay.
 */
import type { DetectionContext, Hit } from './detector';

const PLATFORMS =
  '(?:instagram\\.com|instagr\\.am|facebook\\.com|fb\\.com|fb\\.me|m\\.facebook\\.com|tiktok\\.com|vt\\.tiktok\\.com|twitter\\.com|x\\.com|' +
  'youtube\\.com|youtu\\.be|linktr\\.ee|t\\.me|threads\\.net|snapchat\\.com|linkedin\\.com|shopee\\.co\\.id|tokopedia\\.com|bukalapak\\.com|lazada\\.co\\.id)';
const PROFILE_URL = new RegExp(`(?:https?:\\/\\/)?(?:www\\.|m\\.)?${PLATFORMS}\\/[^\\s)"'<>,;]+`, 'gi');
/** "IG: maruf_alhakim", "ig nuraini.hsb99", "snap: cutrizkaaa", "akun tiktok @..." */
const LABELLED = /\b(?:ig|instagram|insta|fb|facebook|tiktok|tt|twitter|snap|snapchat|telegram|tele|line|threads|username|uname)\s*(?:[:=]\s*|\s+)@?([A-Za-z0-9._]{3,30}[A-Za-z0-9_])/gi;
const HANDLE = /(?<![\w@.\/])@([A-Za-z0-9._]{3,30}[A-Za-z0-9_])/g;
/** Words that say an @handle is someone's account. */
const ACCOUNT_WORDS = /\b(?:akun|ig|instagram|tiktok|fb|facebook|twitter|medsos|media sosial|follow|followers|dm|story|reels|diretas|dibajak|username|youtube|channel|snap|snapchat|telegram|threads|toko)\b/i;
/** The police's and public bodies' own accounts, which are published on purpose. */
const OFFICIAL = /polri|polda|polres|polsek|humas|bhayangkara|ntmc|korlantas|lantas|reskrim|brimob|kapolri|police|tribrata|presisi|pemkab|pemkot|pemprov|kominfo|satpas|samsat|divhumas|mabes/i;
const MAY_HAVE = /@|\.com|\.ee|\.me|\.net|\.id\/|\bt\.me|\b(?:ig|instagram|insta|fb|facebook|tiktok|tt|twitter|snap|snapchat|telegram|tele|line|threads|username|uname)\b/i;
/** A handle is a word of its own: not a plain word of the sentence ("ig korban" is not an account "korban"). */
const ORDINARY = /^(?:korban|pelapor|saksi|terlapor|pelaku|warga|saya|kami|nya|ybs|dia|yang|yg|milik|punya|resmi|palsu|baru|lama|toko|akun|tersebut|itu|ini|juga|sudah|sdh)$/i;

export function detectSocialAccounts(text: string, _ctx: DetectionContext, out: Hit[]): void {
  if (!MAY_HAVE.test(text)) return;
  for (const m of text.matchAll(PROFILE_URL)) {
    // a post's own link names no account ("instagram.com/p/C7xYz12AbCd"); a profile's does
    if (OFFICIAL.test(m[0]) || /instagram\.com\/(?:p|reel|reels|tv|explore)\//i.test(m[0])) continue;
    out.push({ kind: 'social', start: m.index!, end: m.index! + m[0].replace(/[.!?]+$/, '').length });
  }
  for (const m of text.matchAll(LABELLED)) {
    const handle = m[1];
    // a plain word after a platform's name is a handle only after a colon ("snap: cutrizkaaa", not "Line relasi")
    const labelled = /[:=]/.test(m[0].slice(0, m[0].length - handle.length));
    if (OFFICIAL.test(handle) || ORDINARY.test(handle) || !(/[\d._]|^[a-z]+[A-Z]/.test(handle) || labelled)) continue;
    const start = m.index! + m[0].length - handle.length - (m[0][m[0].length - handle.length - 1] === '@' ? 1 : 0);
    out.push({ kind: 'social', start, end: m.index! + m[0].length });
  }
  for (const m of text.matchAll(HANDLE)) {
    if (OFFICIAL.test(m[1])) continue;
    const around = text.slice(Math.max(0, m.index! - 48), Math.min(text.length, m.index! + m[0].length + 32));
    if (!ACCOUNT_WORDS.test(around)) continue;
    out.push({ kind: 'social', start: m.index!, end: m.index! + m[0].length });
  }
}
