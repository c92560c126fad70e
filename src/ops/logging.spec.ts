import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACTED_PATHS, safeUrl } from './logging';

describe('log redaction', () => {
  function capture(): { logger: pino.Logger; lines: () => string } {
    let text = '';
    const sink = new Writable({ write(chunk, _enc, done) { text += chunk; done(); } });
    return { logger: pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink), lines: () => text };
  }

  it('never writes personal data or credentials', () => {
    const { logger, lines } = capture();
    logger.info({
      body: { complainant: { name: 'Andreas Wibowo', phone: '0812-8877-1234', nik: '3174051508850003' }, password: 'hunter2-secret' },
      author: { name: 'Dewi Lestari', email: 'dewi@example.com' },
      req: { headers: { authorization: 'Bearer gng_abc', cookie: 'gaung_session=gng_abc' } },
    }, 'intake');
    const text = lines();
    for (const secret of ['Andreas', '0812-8877-1234', '3174051508850003', 'hunter2', 'Dewi', 'dewi@example.com', 'gng_abc']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[redacted]');
  });

  it('logs URLs without query strings or partner feed tokens', () => {
    expect(safeUrl('/api/v1/stories?q=Andreas%20Wibowo')).toBe('/api/v1/stories');
    expect(safeUrl('/feeds/partners/s3cr3t-token/rss.xml')).toBe('/feeds/partners/[token]/rss.xml');
  });
});
