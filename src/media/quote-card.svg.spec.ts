import sharp from 'sharp';
import { ImageProcessor } from './image-processor';
import { CARD, escapeXml, fitText, quoteCardSvg } from './quote-card.svg';
import { textWidth } from './text-metrics';

const LONG_QUOTE =
  'Terima kasih banyak kepada Bapak-bapak polisi Polsek Kebayoran Baru 🙏👮‍♂️ yang sudah bergerak cepat malam itu. ' +
  'Motor saya yang hilang di depan warung ditemukan kembali dalam waktu kurang dari delapan jam, lengkap dengan STNK-nya. ' +
  'Pelayanannya ramah, cepat, dan tidak dipungut biaya sepeser pun 💯. Saya sekeluarga sangat berterima kasih dan semoga ' +
  'pelayanan seperti ini terus dipertahankan di seluruh Indonesia 🇮🇩❤️. Sukses selalu untuk Polri yang Presisi!';

/** Rows/columns of the card that must hold no text ink (background or the accent only). */
async function inkOutside(card: Buffer, keep: (x: number, y: number) => boolean): Promise<number> {
  const { data, info } = await sharp(card).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const bg = [0x0f, 0x2d, 0x52];
  let ink = 0;
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      if (keep(x, y)) continue;
      const i = (y * info.width + x) * 3;
      if (Math.abs(data[i] - bg[0]) + Math.abs(data[i + 1] - bg[1]) + Math.abs(data[i + 2] - bg[2]) > 60) ink++;
    }
  }
  return ink;
}

describe('quote card', () => {
  it('escapes XML and drops characters XML cannot carry', () => {
    expect(escapeXml(`<script>"a" & 'b'</script>\u0000\u0007\uD800`)).toBe('&lt;script&gt;&quot;a&quot; &amp; &apos;b&apos;&lt;/script&gt;');
    const { svg } = quoteCardSvg({ quote: '</text><image href="file:///etc/passwd"/>', attribution: 'A&W <b>', unitName: 'Polsek "X"' });
    expect(svg).not.toContain('<image');
    expect(svg).toContain('&lt;/text&gt;&lt;image');
  });

  it('strips bidi overrides and invisible format characters from everything on the card (issue 17: a card rendered text reversed)', () => {
    const { svg, quote, attribution, unit } = quoteCardSvg({
      quote: '\u202eTerima kasih\u202c, motor \u2067saya\u2069 kembali.\u200b\ufeff', attribution: '\u202dA.W.\u202c', unitName: 'Polsek \u202eKebayoran Baru',
    });
    expect(svg).not.toMatch(/[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
    expect(quote.lines.join(' ')).toBe('Terima kasih, motor saya kembali.');
    expect(attribution.lines.join(' ')).toBe('— A.W.');
    expect(unit.lines.join(' ')).toBe('Polsek Kebayoran Baru');
  });

  it('keeps a short quote large and on few lines', () => {
    const { quote } = quoteCardSvg({ quote: 'Terima kasih, motor saya kembali.', attribution: 'A.W.', unitName: 'Polsek Kebayoran Baru' });
    expect(quote.fontSize).toBe(64);
    expect(quote.lines.length).toBeLessThanOrEqual(2);
  });

  it('wraps a long quote at word boundaries and shrinks it until it fits its box', () => {
    const { quote } = quoteCardSvg({ quote: LONG_QUOTE, attribution: 'Andreas Wibowo', unitName: 'Polsek Kebayoran Baru' });
    expect(quote.fontSize).toBeLessThan(64);
    expect(quote.lines.join(' ')).toBe(LONG_QUOTE.replace(/\s+/g, ' ')); // every word, none cut
    for (const line of quote.lines) expect(textWidth(line, quote.fontSize)).toBeLessThanOrEqual(CARD.quote.width);
    expect(quote.lines.length * quote.fontSize * 1.3).toBeLessThanOrEqual(CARD.quote.height);
  });

  it('ends an overlong quote with an ellipsis after a whole word', () => {
    const words = Array.from({ length: 500 }, (_, i) => `kata${i}`);
    const fitted = fitText(words.join(' '), CARD.quote, { max: 64, min: 22 });
    expect(fitted.fontSize).toBe(22);
    const shown = fitted.lines.join(' ').split(' ');
    expect(shown.at(-1)).toBe('…');
    expect(shown.slice(0, -1)).toEqual(words.slice(0, shown.length - 1));
  });

  it('renders a long quote with emoji as a 1080x1080 JPEG with all text inside its bounds', async () => {
    const images = new ImageProcessor({ maxPixels: 50_000_000 });
    const { svg } = quoteCardSvg({ quote: LONG_QUOTE, attribution: 'Andreas Wibowo', unitName: 'Kepolisian Sektor Kebayoran Baru, Polres Metro Jakarta Selatan' });
    const card = await images.renderSvg(svg, CARD.background);
    expect(await sharp(card.data).metadata()).toMatchObject({ format: 'jpeg', width: 1080, height: 1080 });
    const q = CARD.quote;
    // Text never reaches the side margins (the accent bar and the opening quote mark are the only other ink)...
    const inMargin = await inkOutside(card.data, (x, y) => y < 14 || (x >= q.x - 20 && x < q.x + q.width));
    expect(inMargin).toBe(0);
    // ...and the quote stays inside its box: no ink between it and the attribution, between the
    // attribution and the unit's rule (JPEG rings a pixel or two around it), nor below the unit's name.
    const A = CARD.attribution;
    const U = CARD.unit;
    const gaps = [[q.y + q.height, A.y], [A.y + A.height, U.y - 33], [U.y + U.height, CARD.size]];
    expect(await inkOutside(card.data, (_x, y) => !gaps.some(([from, to]) => y >= from && y < to))).toBe(0);
    // and there is text in the box at all
    expect(await inkOutside(card.data, (_x, y) => y < q.y || y >= q.y + q.height)).toBeGreaterThan(5000);
  });
});
