import { readGraphError } from './graph-api';
import { failureForAnswer, type HttpAnswer } from './http-outcomes';
import { readTikTokError } from './tiktok.provider';
import { rateLimitReset } from './x.provider';

const answer = (status: number, body: unknown, headers: Record<string, string> = {}): HttpAnswer => ({ status, body, headers });

/** Issue 21: which platform answers mean "wait for a reconnection" or "over quota: delay", not "failed". */
describe('reconnect and quota readings', () => {
  it('X: a spent 24-hour user limit delays until its reset; a plain 429 stays a retry; 401 waits for a reconnection', () => {
    const reset = Math.floor(Date.now() / 1000) + 3600;
    const daily = answer(429, { title: 'Too Many Requests' }, { 'x-user-limit-24hour-remaining': '0', 'x-user-limit-24hour-reset': String(reset), 'x-rate-limit-remaining': '10' });
    expect(failureForAnswer('x create post', daily, true, rateLimitReset(daily))).toMatchObject({ kind: 'over_quota', until: new Date(reset * 1000) });
    const window = answer(429, {}, { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset) });
    expect(failureForAnswer('x create post', window, true, rateLimitReset(window))).toMatchObject({ kind: 'over_quota' });
    const plain = answer(429, {}, { 'x-rate-limit-reset': String(reset) });
    expect(failureForAnswer('x create post', plain, true, rateLimitReset(plain))).toMatchObject({ kind: 'transient' });
    const revoked = answer(401, { title: 'Unauthorized', detail: 'Unauthorized' });
    expect(failureForAnswer('x create post', revoked, true, rateLimitReset(revoked))).toMatchObject({ kind: 'reconnect' });
  });

  it('Graph: token errors (190, permissions 10/2xx) wait for a reconnection; Instagram\'s publishing limit (subcode 2207042) delays', () => {
    for (const code of [190, 10, 200]) {
      const a = answer(400, { error: { message: 'Error validating access token', type: 'OAuthException', code } });
      expect(failureForAnswer('facebook feed post', a, true, readGraphError(a)).kind).toBe('reconnect');
    }
    const limit = answer(400, { error: { message: 'Application request limit reached', code: 9, error_subcode: 2207042 } });
    expect(failureForAnswer('instagram publish', limit, true, readGraphError(limit)).kind).toBe('over_quota');
    const throttled = answer(400, { error: { message: 'Calls to this api have exceeded the rate limit.', code: 4 } });
    expect(failureForAnswer('facebook feed post', throttled, true, readGraphError(throttled)).kind).toBe('transient');
  });

  it('TikTok: access_token_invalid and scope errors wait for a reconnection; rate_limit_exceeded delays about a minute', () => {
    const invalid = answer(401, { error: { code: 'access_token_invalid', message: 'The access token is invalid or not found in the request.', log_id: '1' } });
    expect(failureForAnswer('tiktok content init', invalid, true, readTikTokError(invalid)).kind).toBe('reconnect');
    const scope = answer(403, { error: { code: 'scope_not_authorized', message: 'no scope', log_id: '1' } });
    expect(failureForAnswer('tiktok content init', scope, true, readTikTokError(scope)).kind).toBe('reconnect');
    const rate = answer(429, { error: { code: 'rate_limit_exceeded', message: 'API rate limit was exceeded.', log_id: '1' } });
    const outcome = failureForAnswer('tiktok content init', rate, true, readTikTokError(rate));
    expect(outcome.kind).toBe('over_quota');
    const until = (outcome as { until: Date }).until.getTime();
    expect(until).toBeGreaterThan(Date.now() + 55_000);
    expect(until).toBeLessThanOrEqual(Date.now() + 60_000);
    const bad = answer(400, { error: { code: 'invalid_params', message: 'bad', log_id: '1' } });
    expect(failureForAnswer('tiktok content init', bad, true, readTikTokError(bad))).toMatchObject({ kind: 'refused', reason: expect.stringContaining('invalid_params') });
  });
});
