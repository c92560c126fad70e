import { FixedClock } from '../../src/common/clock';
import { PublicationRequestBuilder, RENDITION } from '../../src/publishing/publication-request.builder';
import { noisyPhoto } from '../support/images';
import { count, createMediaTestApp, upload } from '../support/media';
import { bearer } from '../support/test-app';

/** Photos attached to intake items, the public URLs of published stories, and quote cards. */
describe('media in stories', () => {
  let t: Awaited<ReturnType<typeof createMediaTestApp>>;
  let operator: string;
  let humas: string;
  let photoId: string;
  let otherPhotoId: string;
  let foreignPhotoId: string;

  const complaint = (over: Record<string, unknown> = {}) => ({
    externalRef: `M-${Math.random().toString(36).slice(2, 10)}`, unitCode: 'POLSEK-KEBAYORAN-BARU', category: 'curanmor', channel: 'whatsapp',
    receivedAt: '2026-10-25T01:12:00Z', resolvedAt: '2026-10-25T09:40:00Z',
    location: { subdistrict: 'Gunung', district: 'Kebayoran Baru', city: 'Jakarta Selatan' },
    summary: 'Motor warga hilang.', resolution: 'Motor ditemukan dan dikembalikan.', complainant: { name: 'Andreas Wibowo' },
    consent: { level: 'initials', quote: true }, quote: 'Terima kasih Pak Polisi, motor saya kembali 🙏 dalam 8 jam!', ...over,
  });

  beforeAll(async () => {
    // intake refuses times in the future: the clock stands just after the items' dates
    t = await createMediaTestApp({}, new FixedClock(new Date('2026-11-01T00:00:00Z')));
    operator = await t.login('operator.kebayoran');
    humas = await t.login('humas.jaksel');
    photoId = (await upload(t, operator, await noisyPhoto(800, 600, { noise: 8 })).expect(201)).body.id;
    otherPhotoId = (await upload(t, humas, await noisyPhoto(640, 480, { noise: 8 }), { fields: { unitCode: 'POLSEK-CILANDAK' } }).expect(201)).body.id;
    foreignPhotoId = (await upload(t, await t.login('humas.jaktim'), await noisyPhoto(320, 240, { noise: 8 })).expect(201)).body.id;
  });
  afterAll(() => t.cleanup());

  describe('intake attaches photos by id', () => {
    it('links them to the story, in order, in the same transaction', async () => {
      const { body } = await t.http.post('/api/v1/complaints').set(bearer(humas)).send(complaint({ mediaIds: [otherPhotoId, photoId] })).expect(201);
      const links = await t.dataSource.query(`SELECT media_id, position FROM story_media WHERE story_id = $1 ORDER BY position`, [body.storyId]);
      expect(links).toEqual([{ media_id: otherPhotoId, position: 0 }, { media_id: photoId, position: 1 }]);
    });

    it.each([
      ['an unknown id', () => ['00000000-0000-4000-8000-000000000000'], 400, 'validation_failed', 'mediaIds[0]'],
      ['a photo of a unit outside the caller\'s scope', () => [photoId, foreignPhotoId], 403, 'media_out_of_scope', 'mediaIds[1]'],
      ['a photo of a sibling unit', () => [otherPhotoId], 403, 'media_out_of_scope', 'mediaIds[0]'],
      ['the same id twice', () => [photoId, photoId], 400, 'validation_failed', 'mediaIds[1]'],
      ['something that is not an id', () => ['foto-1.jpg'], 400, 'validation_failed', 'mediaIds'],
    ])('refuses %s naming the field and writes nothing', async (_label, ids, status, code, field) => {
      const before = [await count(t, 'complaint'), await count(t, 'story'), await count(t, 'story_media'), await count(t, 'citizen_contact')];
      const response = await t.http.post('/api/v1/complaints').set(bearer(operator)).send(complaint({ mediaIds: ids() }));
      expect([response.status, response.body.code]).toEqual([status, code]);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect([await count(t, 'complaint'), await count(t, 'story'), await count(t, 'story_media'), await count(t, 'citizen_contact')]).toEqual(before);
    });

    it('checks feedback and achievements the same way', async () => {
      const feedback = {
        unitCode: 'POLSEK-KEBAYORAN-BARU', serviceType: 'patroli', rating: 5, source: 'whatsapp', receivedAt: '2026-10-20T03:00:00Z',
        text: 'Patroli rutin, lingkungan aman.', author: { name: 'Ibu Sri Mulyani' }, consent: { level: 'name', quote: true },
      };
      await t.http.post('/api/v1/feedback').set(bearer(operator)).send({ ...feedback, mediaIds: [foreignPhotoId] }).expect(403);
      const ok = await t.http.post('/api/v1/feedback').set(bearer(operator)).send({ ...feedback, mediaIds: [photoId] }).expect(201);
      expect(await t.dataSource.query(`SELECT media_id FROM story_media WHERE story_id = $1`, [ok.body.storyId])).toEqual([{ media_id: photoId }]);
      const achievement = {
        unitCode: 'POLSEK-KEBAYORAN-BARU', title: 'Patroli Dialogis', activityType: 'patroli', happenedAt: '2026-10-25T02:00:00Z',
        location: { place: 'Taman Langsat', city: 'Jakarta Selatan' }, narrative: 'Patroli dialogis bersama warga.',
      };
      const commander = await t.login('kapolsek.kebayoran');
      const refused = await t.http.post('/api/v1/achievements').set(bearer(commander)).send({ ...achievement, mediaIds: [otherPhotoId] }).expect(403);
      expect(refused.body.errors).toEqual([{ field: 'mediaIds[0]', code: 'out_of_scope', message: expect.any(String) }]);
      await t.http.post('/api/v1/achievements').set(bearer(commander)).send({ ...achievement, mediaIds: [photoId] }).expect(201);
    });
  });

  describe('public URLs', () => {
    it('serve a rendition only once its story is published, with caching headers', async () => {
      const photo = (await upload(t, operator, await noisyPhoto(600, 400, { noise: 8 })).expect(201)).body;
      const square = photo.renditions.find((r: { name: string; format: string }) => r.name === 'square' && r.format === 'jpeg');
      const publicPath = new URL(square.publicUrl).pathname;
      expect(publicPath).toBe(`/media/${photo.id}/square.jpg`);
      await t.http.get(publicPath).expect(404);

      const { body } = await t.http.post('/api/v1/complaints').set(bearer(operator)).send(complaint({ mediaIds: [photo.id] })).expect(201);
      await t.http.get(publicPath).expect(404); // a draft is not public
      await t.dataSource.query(`UPDATE story SET status = 'published', published_at = now() WHERE id = $1`, [body.storyId]);

      const response = await t.http.get(publicPath).expect(200);
      expect(response.headers).toMatchObject({
        'content-type': 'image/jpeg', 'cache-control': 'public, max-age=300, must-revalidate', 'cross-origin-resource-policy': 'cross-origin',
        etag: expect.stringMatching(/^"[0-9a-f]{64}"$/),
      });
      expect(Number(response.headers['content-length'])).toBeGreaterThan(1000);
      await t.http.get(publicPath).set('If-None-Match', response.headers.etag).expect(304);
      await t.http.get(`/media/${photo.id}/landscape.webp`).expect(200).expect('content-type', 'image/webp');
      // the original is never public, nor an unknown rendition, nor a malformed id
      await t.http.get(`/media/${photo.id}/original.jpg`).expect(404);
      await t.http.get(`/media/${photo.id}/huge.jpg`).expect(404);
      await t.http.get('/media/not-a-uuid/square.jpg').expect(400);

      await t.dataSource.query(`UPDATE story SET status = 'withdrawn' WHERE id = $1`, [body.storyId]);
      await t.http.get(publicPath).expect(404);
    });

    it('are the addresses posted to the channels: each channel\'s rendition answers there once published', async () => {
      const photo = (await upload(t, operator, await noisyPhoto(600, 400, { noise: 8 })).expect(201)).body;
      const { body } = await t.http.post('/api/v1/complaints').set(bearer(operator)).send(complaint({ mediaIds: [photo.id] })).expect(201);
      await t.dataSource.query(`UPDATE story SET status = 'published', published_at = now() WHERE id = $1`, [body.storyId]);
      const builder = t.app.get(PublicationRequestBuilder);
      for (const channel of ['website', 'x', 'instagram', 'telegram'] as const) {
        const request = await builder.build(t.dataSource.manager, { id: '00000000-0000-4000-8000-000000000000', story_id: body.storyId, channel, mode: 'internal', attempts: 0 });
        expect(request!.media).toHaveLength(1);
        const posted = new URL(request!.media[0].url);
        expect(posted.pathname).toBe(`/media/${photo.id}/${RENDITION[channel]}.jpg`);
        await t.http.get(posted.pathname).expect(200).expect('content-type', 'image/jpeg');
      }
    });

    it('serve unpublished media only to callers whose scope covers it', async () => {
      const url = `/api/v1/media/${photoId}/thumb.webp`;
      await t.http.get(url).expect(401);
      const ok = await t.http.get(url).set(bearer(humas)).expect(200);
      expect(ok.headers).toMatchObject({ 'content-type': 'image/webp', 'cache-control': 'private, no-cache' });
      await t.http.get(url).set(bearer(await t.login('humas.jaktim'))).expect(404);
      await t.http.get(`/api/v1/media/${photoId}`).set(bearer(await t.login('humas.makassar'))).expect(404);
    });
  });

  describe('quote cards', () => {
    it('renders the consented quote of a complaint story as a square card linked to the story', async () => {
      const { body } = await t.http.post('/api/v1/complaints').set(bearer(operator)).send(complaint({ mediaIds: [photoId] })).expect(201);
      await t.http.post('/api/v1/media/quote-card').set(bearer(operator)).send({ storyId: body.storyId }).expect(403);
      const card = await t.http.post('/api/v1/media/quote-card').set(bearer(humas)).send({ storyId: body.storyId }).expect(201);
      expect(card.body).toMatchObject({ kind: 'quote_card', width: 1080, height: 1080, alt: expect.stringContaining('A.W.') });
      expect(card.body.renditions.map((r: { name: string; format: string; width: number }) => `${r.name}.${r.format}:${r.width}`)).toEqual(['square.jpeg:1080', 'thumb.jpeg:400', 'thumb.webp:400']);
      const links = await t.dataSource.query(`SELECT media_id, position FROM story_media WHERE story_id = $1 ORDER BY position`, [body.storyId]);
      expect(links).toEqual([{ media_id: photoId, position: 0 }, { media_id: card.body.id, position: 1 }]);
      const [event] = await t.dataSource.query(`SELECT action, details FROM audit_event WHERE subject_id = $1`, [card.body.id]);
      expect(event).toMatchObject({ action: 'media.quote_card', details: { storyId: body.storyId } });
    });

    it('refuses a story without quote consent, and one outside scope', async () => {
      const noQuote = await t.http.post('/api/v1/complaints').set(bearer(operator)).send(complaint({ consent: { level: 'name', quote: false } })).expect(201);
      const refused = await t.http.post('/api/v1/media/quote-card').set(bearer(humas)).send({ storyId: noQuote.body.storyId }).expect(422);
      expect(refused.body.code).toBe('no_consented_quote');
      await t.http.post('/api/v1/media/quote-card').set(bearer(await t.login('humas.jaktim'))).send({ storyId: noQuote.body.storyId }).expect(404);
      await t.http.post('/api/v1/media/quote-card').set(bearer(humas)).send({ storyId: 'x' }).expect(400);
    });
  });
});
