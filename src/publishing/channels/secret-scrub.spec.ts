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

  it('removes OAuth token shapes of the channel connections (issue 21)', () => {
    expect(scrubSecrets('grant_type=refresh_token&refresh_token=xrt-AbC_123&client_secret=s3cr3t', [])).toBe('grant_type=refresh_token&refresh_token=[redacted]&client_secret=[redacted]');
    expect(scrubSecrets('/callback?state=1&code=AQBx-9&error_code=200', [])).toBe('/callback?state=1&code=[redacted]&error_code=200');
    expect(scrubSecrets('code_verifier=abc&fb_exchange_token=EAAU1&input_token=EAAP2', [])).toBe('code_verifier=[redacted]&fb_exchange_token=[redacted]&input_token=[redacted]');
    expect(scrubSecrets('{"access_token":"act.1","refresh_token":"rft.2","open_id":"o"}', [])).toBe('{"access_token":"[redacted]","refresh_token":"[redacted]","open_id":"o"}');
    expect(scrubSecrets('Authorization: Basic eC1jbGllbnQtaWQ6eC1jbGllbnQtc2VjcmV0', [])).toBe('Authorization: Basic [redacted]');
    expect(scrubSecrets('the basic scope was refused', [])).toBe('the basic scope was refused');
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
