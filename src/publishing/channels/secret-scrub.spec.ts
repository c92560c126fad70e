import { MAX_REASON_LENGTH, safeReason, scrubSecrets } from './secret-scrub';

describe('scrubSecrets / safeReason', () => {
  it('removes known secrets, raw and URL-encoded', () => {
    const secret = 'abc/def+ghi=jkl';
    expect(scrubSecrets(`raw ${secret} encoded ${encodeURIComponent(secret)}`, [secret])).toBe('raw [redacted] encoded [redacted]');
  });

  it('removes token shapes it was not told about', () => {
    expect(scrubSecrets('POST /bot123456:AAH-dq_Tc/sendMessage', [])).toBe('POST /bot[redacted]/sendMessage');
    expect(scrubSecrets('GET /me?fields=id&access_token=EAAG123&x=1', [])).toBe('GET /me?fields=id&access_token=[redacted]&x=1');
    expect(scrubSecrets('Authorization: Bearer eyJhbGciOi.J9x-y_z', [])).toBe('Authorization: Bearer [redacted]');
  });

  it('leaves short values alone (a chat id "-1" would blank out ordinary text)', () => {
    expect(scrubSecrets('HTTP 400: error -1', ['-1'])).toBe('HTTP 400: error -1');
  });

  it('makes one bounded line', () => {
    const reason = safeReason(`a\n  b ${'x'.repeat(1000)}`, []);
    expect(reason.startsWith('a b x')).toBe(true);
    expect(reason).toHaveLength(MAX_REASON_LENGTH);
  });
});
