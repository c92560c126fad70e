import twitterText from 'twitter-text';
import { jumlahGrafem } from '../helpers';
import { CHANNEL_RULES, type Channel } from '../channels';

/** twitter-text's weighting (config v3): a URL counts as this many, whatever its length. */
const X_URL_LENGTH = 23;
/**
 * Texts whose every character weighs 1 in twitter-text's v3 ranges, is left alone by NFC and is
 * never part of an emoji: ASCII and the typographic dashes and quotes (U+2010-201F) of Indonesian
 * prose. The text-measure spec checks the shortcut below against parseTweet over such texts.
 */
const PLAIN_FOR_X = /^[\x00-\x7F\u2010-\u201F]*$/;

/**
 * X's weighted length. parseTweet also normalises, finds emoji and checks every character for
 * validity one at a time; for plain text (almost every Indonesian post) none of that changes the
 * count, which is then the characters outside URLs plus 23 per URL: the same URL extraction
 * (the part of parseTweet that decides what a URL is), without the per-character walk.
 */
function parseWeightedLength(text: string): number {
  if (!PLAIN_FOR_X.test(text)) return twitterText.parseTweet(text).weightedLength;
  let length = text.length;
  for (const url of twitterText.extractUrlsWithIndices(text)) length += X_URL_LENGTH - (url.indices[1] - url.indices[0]);
  return length;
}

let lastTweet = '';
let lastWeight = 0;

/** X's weighted length; the last answer is kept because fitting and lint ask for the same text in a row. */
export function weightedLength(text: string): number {
  if (text !== lastTweet) {
    lastWeight = parseWeightedLength(text);
    lastTweet = text;
  }
  return lastWeight;
}

/** The length a channel counts: X's weighted count (a URL is 23), else graphemes. */
export function channelLength(channel: Channel, text: string): number {
  return CHANNEL_RULES[channel].weighted ? weightedLength(text) : jumlahGrafem(text);
}

/**
 * Whether a text is over its channel's limit. A UTF-16 length within the limit proves it for
 * grapheme counts (a grapheme is at least one code unit), which spares the segmenter on most texts.
 */
export function exceedsLimit(channel: Channel, text: string): boolean {
  const rule = CHANNEL_RULES[channel];
  if (!rule.weighted && text.length <= rule.maxLength) return false;
  return channelLength(channel, text) > rule.maxLength;
}

const HASHTAG = /(^|[^\p{L}\p{N}_&/])#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*/gu;

/** Hashtags as X and Instagram link them (not "&#39;" or a URL's fragment). */
export function countHashtags(text: string): number {
  return text.match(HASHTAG)?.length ?? 0;
}

/**
 * The number of hashtags when it is over `max`, else null. Every hashtag has its own '#', so when
 * there are no more than `max` of those the Unicode regex need not run (most posts).
 */
export function hashtagsOver(text: string, max: number): number | null {
  let signs = 0;
  for (let at = text.indexOf('#'); at >= 0 && signs <= max; at = text.indexOf('#', at + 1)) signs++;
  if (signs <= max) return null;
  const count = countHashtags(text);
  return count > max ? count : null;
}
