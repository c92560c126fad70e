import { sniffImageFormat } from './image-sniff';

const bytes = (...parts: (number[] | string)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const pad = Buffer.alloc(32);

describe('sniffImageFormat', () => {
  it.each([
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0]), 'jpeg'],
    ['png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'png'],
    ['webp', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'webp'],
    ['gif', bytes('GIF89a'), 'gif'],
    ['heic', bytes([0, 0, 0, 24], 'ftypheic', [0, 0, 0, 0], 'mif1heic'), 'heif'],
    ['avif', bytes([0, 0, 0, 28], 'ftypavif', [0, 0, 0, 0], 'avifmif1miaf'), 'heif'],
    ['a HEIF declared only by a compatible brand', bytes([0, 0, 0, 24], 'ftypxxxx', [0, 0, 0, 0], 'mif1xxxx'), 'heif'],
    ['an MP4 video', bytes([0, 0, 0, 24], 'ftypisom', [0, 0, 2, 0], 'isomiso2'), 'other'],
    ['svg', bytes('<svg xmlns="http://www.w3.org/2000/svg">'), 'svg'],
    ['svg after a BOM, XML declaration, comment and doctype', bytes([0xef, 0xbb, 0xbf], '<?xml version="1.0"?>\n<!-- x -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN">\n<svg>'), 'svg'],
    ['text', bytes('Ini bukan foto.'), 'other'],
    ['a PDF', bytes('%PDF-1.7\n'), 'other'],
  ])('%s', (_label, head, expected) => {
    expect(sniffImageFormat(Buffer.concat([head, pad]))).toBe(expected);
  });

  it('needs at least 12 bytes', () => {
    expect(sniffImageFormat(Buffer.from([0xff, 0xd8, 0xff]))).toBe('other');
  });
});
