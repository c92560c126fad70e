import { SecretBox, SecretBoxError } from './secret-box';

const KEY = 'a-secret-key-that-is-long-enough-for-tests-0123';

describe('SecretBox', () => {
  const box = new SecretBox(KEY);

  it('opens what it sealed, with the same context', () => {
    const sealed = box.seal('gws_s3cret', 'row-1');
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('s3cret');
    expect(box.open(sealed, 'row-1')).toBe('gws_s3cret');
    expect(new SecretBox(KEY).open(sealed, 'row-1')).toBe('gws_s3cret');
  });

  it('seals the same text differently each time (random IV)', () => {
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('refuses another key, another context and any tampering', () => {
    const sealed = box.seal('secret', 'row-1');
    expect(() => new SecretBox(`${KEY}-other`).open(sealed, 'row-1')).toThrow(SecretBoxError);
    expect(() => box.open(sealed, 'row-2')).toThrow(SecretBoxError);
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[3], 'base64url');
    flipped[0] ^= 1;
    expect(() => box.open([parts[0], parts[1], parts[2], flipped.toString('base64url')].join('.'), 'row-1')).toThrow(SecretBoxError);
    expect(() => box.open('garbage', 'row-1')).toThrow(SecretBoxError);
    expect(() => box.open('v2.a.b.c', 'row-1')).toThrow(SecretBoxError);
  });

  it('handles empty and non-ASCII text', () => {
    expect(box.open(box.seal(''))).toBe('');
    expect(box.open(box.seal('kata sandi: rahasia ✓'))).toBe('kata sandi: rahasia ✓');
  });

  it('needs a real key, but only when used', () => {
    const keyless = new SecretBox(undefined);
    expect(() => keyless.seal('x')).toThrow(/SECRET_KEY/);
    expect(() => new SecretBox('short').seal('x')).toThrow(/SECRET_KEY/);
  });
});
