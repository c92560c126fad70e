import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sharp from 'sharp';
import { MediaStore } from '../../src/media/media-store';
import { animatedImage, exifTags, meanColour, metadataTags, noisyPhoto, phoneJpegWithMetadata, pngBomb, SVG_IMAGE } from '../support/images';
import { count, createMediaTestApp, download, mediaFiles, upload } from '../support/media';
import { bearer } from '../support/test-app';

const MAX_BYTES = 3 * 1024 * 1024;

describe('media uploads', () => {
  let t: Awaited<ReturnType<typeof createMediaTestApp>>;
  let operator: string;

  beforeAll(async () => {
    t = await createMediaTestApp({ MEDIA_MAX_BYTES: String(MAX_BYTES) });
    operator = await t.login('operator.kebayoran');
  });
  afterAll(() => t.cleanup());

  it('stores a phone photo upright and without any metadata, in every rendition at its exact size', async () => {
    const response = await upload(t, operator, await phoneJpegWithMetadata(), { fields: { alt: 'Motor warga dikembalikan' } }).expect(201);
    const body = response.body;
    expect(body).toMatchObject({ id: expect.any(String), width: 400, height: 600, alt: 'Motor warga dikembalikan', kind: 'photo', unitCode: 'POLSEK-KEBAYORAN-BARU' });
    const sizes = Object.fromEntries(body.renditions.map((r: { name: string; format: string; width: number; height: number }) => [`${r.name}.${r.format}`, `${r.width}x${r.height}`]));
    expect(sizes).toEqual({
      'square.jpeg': '1080x1080', 'portrait.jpeg': '1080x1350', 'story.jpeg': '1080x1920', 'landscape.jpeg': '1600x900', 'landscape.webp': '1600x900',
      'og.jpeg': '1200x630', 'web.jpeg': '400x600', 'web.webp': '400x600', 'thumb.jpeg': '400x400', 'thumb.webp': '400x400',
    });

    // Every file on disk: the original and ten renditions, each checked by exiftool and by its real size.
    const files = mediaFiles(t.dataDir);
    expect(files).toHaveLength(11);
    for (const file of files) {
      const full = path.join(t.dataDir, 'media', file);
      const tags = exifTags(full);
      expect({ file, extra: metadataTags(tags) }).toEqual({ file, extra: [] });
      expect(JSON.stringify(tags)).not.toMatch(/GPS|Samsung|Galaxy|Andreas|0812|Jakarta/);
    }
    for (const r of body.renditions) {
      const meta = await sharp(await download(t, operator, r.url)).metadata();
      expect(`${r.name}.${meta.format} ${meta.width}x${meta.height}`).toBe(`${r.name}.${r.format} ${r.width}x${r.height}`);
    }
    // Upright: the block stored top-left of the 600x400 landscape is top-right of the 400x600 original.
    const original = await download(t, operator, body.originalUrl);
    expect(await sharp(original).metadata()).toMatchObject({ width: 400, height: 600, format: 'jpeg' });
    const [red, green] = await meanColour(original, { left: 330, top: 10, width: 60, height: 60 });
    expect([red > 200, green < 60]).toEqual([true, true]);

    const [event] = await t.dataSource.query(`SELECT action, details FROM audit_event WHERE subject_id = $1`, [body.id]);
    expect(event).toMatchObject({ action: 'media.upload', details: { format: 'jpeg', width: 400, height: 600 } });
  });

  it('accepts PNG, WebP and AVIF by content, whatever the file is called', async () => {
    const png = await noisyPhoto(300, 200, { format: 'png' });
    await upload(t, operator, png, { filename: 'foto.jpg', contentType: 'image/jpeg' }).expect(201);
    const webp = await sharp(png).webp().toBuffer();
    await upload(t, operator, webp, { filename: 'scan.pdf', contentType: 'application/pdf' }).expect(201);
    const avif = await sharp(png).avif({ effort: 0 }).toBuffer();
    const response = await upload(t, operator, avif, { filename: 'IMG_0001.HEIC', contentType: 'image/heic' }).expect(201);
    expect(response.body).toMatchObject({ width: 300, height: 200 });
  });

  describe('refuses bad input, keeping no row and no file', () => {
    let before: { rows: number; files: string[] };
    beforeEach(async () => {
      before = { rows: await count(t, 'media'), files: mediaFiles(t.dataDir) };
    });
    afterEach(async () => {
      expect({ rows: await count(t, 'media'), files: mediaFiles(t.dataDir) }).toEqual(before);
    });

    const cases: [string, () => Promise<Buffer>, number, string][] = [
      ['a truncated JPEG', async () => (await noisyPhoto(800, 600)).subarray(0, 20_000), 422, 'image_undecodable'],
      ['a text file named .jpg', async () => Buffer.from('Ini bukan foto, hanya teks biasa.\n'.repeat(20)), 415, 'unsupported_media_type'],
      ['a 20,000 x 20,000 PNG (decompression bomb)', async () => pngBomb(), 422, 'too_many_pixels'],
      ['an SVG', async () => SVG_IMAGE, 415, 'unsupported_media_type'],
      ['an animated GIF with many frames', () => animatedImage(40, 'gif'), 415, 'unsupported_media_type'],
      ['an animated WebP', () => animatedImage(12, 'webp'), 415, 'unsupported_media_type'],
      ['an empty file', async () => Buffer.alloc(0), 400, 'file_empty'],
      ['a file over MEDIA_MAX_BYTES', async () => Buffer.concat([await noisyPhoto(64, 64), Buffer.alloc(MAX_BYTES, 1)]), 413, 'file_too_large'],
    ];
    it.each(cases)('%s', async (_label, make, status, code) => {
      const rss = process.memoryUsage().rss;
      const response = await upload(t, operator, await make());
      expect([response.status, response.body.code]).toEqual([status, code]);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      // nothing was decoded into memory: a 400 MP bomb would take > 1 GB
      expect(process.memoryUsage().rss - rss).toBeLessThan(400 * 1024 * 1024);
    });

    it('two files', async () => {
      const photo = await noisyPhoto(64, 64);
      const response = await t.http.post('/api/v1/media').set(bearer(operator)).attach('file', photo, 'a.jpg').attach('file', photo, 'b.jpg');
      expect([response.status, response.body.code]).toEqual([400, 'too_many_files']);
    });

    it.each([
      ['no file at all', { alt: 'x' }, null, 'file_missing'],
      ['the file in another field', {}, 'photo', 'unexpected_file_field'],
      ['a nested field name', { 'alt[a][b]': 'x' }, 'file', 'invalid_field_name'],
      ['an unknown field', { caption: 'x' }, 'file', 'validation_failed'],
      ['too many fields', { a: '1', b: '2', c: '3', d: '4', e: '5' }, 'file', 'too_many_parts'],
      ['an overlong alt text', { alt: 'x'.repeat(501) }, 'file', 'validation_failed'],
      ['a unit outside scope', { unitCode: 'POLSEK-DUREN-SAWIT' }, 'file', 'unit_out_of_scope'],
    ])('%s', async (_label, fields, fileField, code) => {
      const request = t.http.post('/api/v1/media').set(bearer(operator));
      for (const [name, value] of Object.entries(fields)) request.field(name, value);
      if (fileField) request.attach(fileField, await noisyPhoto(64, 64), 'a.jpg');
      const response = await request;
      expect(response.body.code).toBe(code);
      expect([400, 403]).toContain(response.status);
    });

    it('an upload interrupted half-way', async () => {
      // A server of our own around the app's Express instance, so that we can write half a request.
      const server = http.createServer(t.app.getHttpAdapter().getInstance());
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      const photo = await noisyPhoto(800, 600);
      const head = `--b0undary\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
      const closed = new Promise<void>((resolve) => {
        const request = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/api/v1/media', headers: {
          ...bearer(operator), 'Content-Type': 'multipart/form-data; boundary=b0undary', 'Content-Length': String(head.length + photo.length + 100),
        } });
        request.on('error', () => resolve());
        request.on('response', () => resolve());
        request.write(head);
        request.write(photo.subarray(0, photo.length / 2), () => setTimeout(() => request.destroy(), 100));
      });
      await closed;
      await new Promise((resolve) => setTimeout(resolve, 300));
      await new Promise((resolve) => server.close(resolve));
    });

    it('a JSON body, and a caller without a token', async () => {
      expect((await t.http.post('/api/v1/media').set(bearer(operator)).send({ file: 'x' })).status).toBe(415);
      expect((await t.http.post('/api/v1/media').attach('file', await noisyPhoto(64, 64), 'a.jpg')).status).toBe(401);
    });
  });

  it('documents the media routes in OpenAPI, the upload as multipart', async () => {
    const { body } = await t.http.get('/docs-json').expect(200);
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining([
      '/api/v1/media', '/api/v1/media/quote-card', '/api/v1/media/{id}', '/api/v1/media/{id}/{rendition}', '/api/v1/media/{id}/blur',
      '/api/v1/media/{id}/use-as-logo', '/media/{id}/{rendition}',
    ]));
    expect(body.paths['/api/v1/media'].post.requestBody.content['multipart/form-data'].schema.required).toEqual(['file']);
    expect(body.components.schemas).toHaveProperty('BlurDto');
  });

  it('leaves no temporary file behind, and sweeps those a crash left at the next start', async () => {
    expect(mediaFiles(t.dataDir).filter((f) => path.basename(f).startsWith('.tmp-'))).toEqual([]);
    const stale = path.join(t.dataDir, 'media', 'ab', '.tmp-0123456789abcdef');
    const fresh = path.join(t.dataDir, 'media', 'ab', '.tmp-fedcba9876543210');
    fs.mkdirSync(path.dirname(stale), { recursive: true });
    fs.writeFileSync(stale, 'partial');
    fs.writeFileSync(fresh, 'being written by another instance');
    fs.utimesSync(stale, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    await t.app.get(MediaStore).onModuleInit();
    expect([fs.existsSync(stale), fs.existsSync(fresh)]).toEqual([false, true]);
    fs.rmSync(path.dirname(fresh), { recursive: true });
  });
});
