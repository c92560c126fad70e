import twitterText from 'twitter-text';
import { jumlahGrafem } from '../helpers';
import { CHANNEL_RULES, type Channel } from '../channels';

let lastTweet = '';
let lastWeight = 0;

/** X's weighted length; the last answer is kept because fitting and lint ask for the same text in a row. */
function weightedLength(text: string): number {
  if (text !== lastTweet) {
    lastWeight = twitterText.parseTweet(text).weightedLength;
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

export function countHashtags(text: string): number {
  return text.match(HASHTAG)?.length ?? 0;
}
