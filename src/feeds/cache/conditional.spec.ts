import type { IncomingMessage } from 'node:http';
import { notModified, pickCoding } from './conditional';
import type { FeedEntry } from './feed-entry';

const entry = { hash: 'abcDEF123', lastModified: Date.parse('Fri, 20 Nov 2026 02:00:00 GMT') } as FeedEntry;
const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('conditional feed answers', () => {
  it('picks brotli, then gzip, honouring q=0 and *', () => {
    expect(pickCoding(undefined)).toBe('identity');
    expect(pickCoding('gzip, deflate, br')).toBe('br');
    expect(pickCoding('gzip, deflate')).toBe('gzip');
    expect(pickCoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(pickCoding('br;q=0,gzip;q=0')).toBe('identity');
    expect(pickCoding('*')).toBe('br');
    expect(pickCoding('*;q=0, identity')).toBe('identity');
    expect(pickCoding('deflate')).toBe('identity');
  });

  it('matches any of our tags for the body, and If-Modified-Since only without If-None-Match', () => {
    expect(notModified(request({ 'if-none-match': '"abcDEF123"' }), entry)).toBe(true);
    expect(notModified(request({ 'if-none-match': 'W/"abcDEF123-br"' }), entry)).toBe(true);
    expect(notModified(request({ 'if-none-match': '"other", "abcDEF123-gzip"' }), entry)).toBe(true);
    expect(notModified(request({ 'if-none-match': '*' }), entry)).toBe(true);
    expect(notModified(request({ 'if-none-match': '"other"' }), entry)).toBe(false);
    expect(notModified(request({ 'if-modified-since': 'Fri, 20 Nov 2026 02:00:00 GMT' }), entry)).toBe(true);
    expect(notModified(request({ 'if-modified-since': 'Fri, 20 Nov 2026 01:59:59 GMT' }), entry)).toBe(false);
    expect(notModified(request({ 'if-modified-since': 'not a date' }), entry)).toBe(false);
    expect(notModified(request({ 'if-none-match': '"other"', 'if-modified-since': 'Fri, 20 Nov 2026 03:00:00 GMT' }), entry)).toBe(false);
  });
});
