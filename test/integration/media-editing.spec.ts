import path from 'node:path';
import { WATERMARK } from '../../src/media/renditions';
import { detailEnergy, logoPng, lumaVariance, meanColour, noisyPhoto } from '../support/images';
import { createMediaTestApp, download, mediaFiles, upload } from '../support/media';
import { bearer } from '../support/test-app';

interface Rendition {
  name: string;
  format: string;
  width: number;
  height: number;
  url: string;
}
const find = (renditions: Rendition[], name: string, format = 'jpeg') => renditions.find((r) => r.name === name && r.format === format)!;

/** Faces blurred for good; the unit's logo on social renditions. */
describe('media editing', () => {
  let t: Awaited<ReturnType<typeof createMediaTestApp>>;
  let operator: string;
  let humas: string;

  beforeAll(async () => {
    t = await createMediaTestApp();
    operator = await t.login('operator.kebayoran');
    humas = await t.login('humas.jaksel');
  });
  afterAll(() => t.cleanup());
  const hashesOf = async (id: string): Promise<string[]> =>
    (await t.dataSource.query(`SELECT sha256 FROM media WHERE id = $1 UNION SELECT sha256 FROM media_rendition WHERE media_id = $1`, [id])).map((r: { sha256: string }) => r.sha256);

  describe('blur', () => {
    const rect = { x: 300, y: 150, w: 260, h: 320 };
    const inside = { left: rect.x + 10, top: rect.y + 10, width: rect.w - 20, height: rect.h - 20 };

    it('hides the areas in the original and every rendition, replaces the old files and is audited', async () => {
      const photo = (await upload(t, operator, await noisyPhoto(1200, 900, { variation: 0 })).expect(201)).body; // all texture: what blurring removes
      const before = await download(t, humas, photo.originalUrl);
      const hashesBefore = await hashesOf(photo.id);
      const web = find(photo.renditions, 'web');
      const webBefore = await download(t, humas, web.url);

      const response = await t.http.put(`/api/v1/media/${photo.id}/blur`).set(bearer(humas)).send({ rects: [rect] }).expect(200);
      expect(response.body.blurRects).toEqual([rect]);
      const after = await download(t, humas, photo.originalUrl);
      expect(await lumaVariance(after, inside)).toBeLessThan((await lumaVariance(before, inside)) * 0.05);
      expect(await detailEnergy(after, inside)).toBeLessThan((await detailEnergy(before, inside)) * 0.01);
      // web is the original scaled to 1200 wide: same coordinates
      const webAfter = await download(t, humas, web.url);
      expect(await detailEnergy(webAfter, inside)).toBeLessThan((await detailEnergy(webBefore, inside)) * 0.02);

      // the earlier files are gone (unless a new rendition came out byte for byte the same), the new ones are there
      const hashesAfter = await hashesOf(photo.id);
      const onDisk = mediaFiles(t.dataDir).map((file) => path.basename(file).split('.')[0]);
      expect(hashesBefore.filter((h) => onDisk.includes(h))).toEqual(hashesBefore.filter((h) => hashesAfter.includes(h)));
      expect(hashesAfter.filter((h) => !onDisk.includes(h))).toEqual([]);
      expect(hashesAfter.filter((h) => !hashesBefore.includes(h)).length).toBeGreaterThanOrEqual(8);

      const [event] = await t.dataSource.query(`SELECT action, actor_id, details FROM audit_event WHERE subject_id = $1 AND action = 'media.blur'`, [photo.id]);
      expect(event.details).toEqual({ rects: [rect] });
    });

    it('keeps the files another photo shares (identical uploads are stored once)', async () => {
      const bytes = await noisyPhoto(400, 300, { noise: 8 });
      const a = (await upload(t, operator, bytes).expect(201)).body;
      const b = (await upload(t, operator, bytes).expect(201)).body;
      expect((await hashesOf(a.id)).sort()).toEqual((await hashesOf(b.id)).sort());
      await t.http.put(`/api/v1/media/${a.id}/blur`).set(bearer(humas)).send({ rects: [{ x: 0, y: 0, w: 200, h: 150 }] }).expect(200);
      expect((await hashesOf(a.id)).sort()).not.toEqual((await hashesOf(b.id)).sort());
      for (const url of [b.originalUrl, ...b.renditions.map((r: Rendition) => r.url)]) await download(t, humas, url);
    });

    it('adds later areas to the earlier ones', async () => {
      const photo = (await upload(t, operator, await noisyPhoto(800, 600, { noise: 8 })).expect(201)).body;
      await t.http.put(`/api/v1/media/${photo.id}/blur`).set(bearer(humas)).send({ rects: [{ x: 0, y: 0, w: 100.4, h: 80 }] }).expect(200);
      const second = await t.http.put(`/api/v1/media/${photo.id}/blur`).set(bearer(humas)).send({ rects: [{ x: 10.5, y: 20, w: 30, h: 30 }] }).expect(200);
      expect(second.body.blurRects).toEqual([{ x: 0, y: 0, w: 101, h: 80 }, { x: 10, y: 20, w: 31, h: 30 }]);
    });

    let target: { id: string } | undefined;
    it.each([
      ['an area beyond the image', { rects: [{ x: 1100, y: 0, w: 200, h: 100 }] }, 'rects[0]'],
      ['a negative coordinate', { rects: [{ x: -1, y: 0, w: 10, h: 10 }] }, 'rects[0].x'],
      ['a zero-sized area', { rects: [{ x: 0, y: 0, w: 0, h: 10 }] }, 'rects[0].w'],
      ['a string for a number', { rects: [{ x: '5', y: 0, w: 10, h: 10 }] }, 'rects[0].x'],
      ['no area', { rects: [] }, 'rects'],
      ['more than 20 areas', { rects: Array.from({ length: 21 }, () => ({ x: 0, y: 0, w: 10, h: 10 })) }, 'rects'],
    ])('refuses %s naming the field', async (_label, body, field) => {
      target ??= (await upload(t, operator, await noisyPhoto(1200, 900, { noise: 8 })).expect(201)).body;
      const photo = target!;
      const files = mediaFiles(t.dataDir);
      const response = await t.http.put(`/api/v1/media/${photo.id}/blur`).set(bearer(humas)).send(body).expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(mediaFiles(t.dataDir)).toEqual(files);
    });

    it('is for humas within scope', async () => {
      const photo = (await upload(t, operator, await noisyPhoto(300, 200)).expect(201)).body;
      const rects = [{ x: 0, y: 0, w: 10, h: 10 }];
      await t.http.put(`/api/v1/media/${photo.id}/blur`).set(bearer(operator)).send({ rects }).expect(403);
      await t.http.put(`/api/v1/media/${photo.id}/blur`).set(bearer(await t.login('humas.jaktim'))).send({ rects }).expect(404);
      await t.http.put(`/api/v1/media/${photo.id}/blur`).set(bearer(await t.login('humas.kebayoran'))).send({ rects }).expect(200);
    });
  });

  describe('watermark', () => {
    afterAll(() => t.dataSource.query(`UPDATE unit SET logo_media_id = NULL`));

    it('puts the unit logo (or its parent unit\'s) on social renditions, at a size relative to each', async () => {
      const photo = await noisyPhoto(1600, 1200, { noise: 6 }); // little noise: quick to encode
      const plain = (await upload(t, operator, photo).expect(201)).body;

      const logo = (await upload(t, humas, await logoPng(), { contentType: 'image/png', fields: { unitCode: 'POLRES-JAKSEL' } }).expect(201)).body;
      await t.http.put(`/api/v1/media/${logo.id}/use-as-logo`).set(bearer(operator)).expect(403);
      const set = await t.http.put(`/api/v1/media/${logo.id}/use-as-logo`).set(bearer(humas)).expect(200);
      expect(set.body).toEqual({ unitCode: 'POLRES-JAKSEL', logoMediaId: logo.id });

      // the Polsek has no logo of its own: it wears its Polres' logo
      const marked = (await upload(t, operator, photo).expect(201)).body;
      for (const name of ['square', 'portrait', 'story', 'landscape', 'og']) {
        const [a, b] = [find(plain.renditions, name), find(marked.renditions, name)];
        const side = Math.min(a.width, a.height);
        const box = Math.round(side * WATERMARK.size);
        const margin = Math.round(side * WATERMARK.margin);
        const logoCentre = { left: a.width - margin - Math.round(box * 0.65), top: a.height - margin - Math.round(box * 0.65), width: Math.round(box * 0.3), height: Math.round(box * 0.3) };
        const [without, withLogo] = [await download(t, humas, a.url), await download(t, humas, b.url)];
        const [r, g, blue] = await meanColour(withLogo, logoCentre);
        expect({ name, yellow: r > 200 && g > 170 && blue < 80 }).toEqual({ name, yellow: true });
        const [r0, g0, b0] = await meanColour(without, logoCentre);
        expect({ name, yellowBefore: r0 > 200 && g0 > 170 && b0 < 80 }).toEqual({ name, yellowBefore: false });
      }
      // renditions for the website and the console carry no logo: byte for byte the same files
      for (const name of ['web', 'thumb']) expect(await download(t, humas, find(marked.renditions, name).url)).toEqual(await download(t, humas, find(plain.renditions, name).url));
    });
  });
});
