import { noisyPhoto } from '../images';
import { upload } from '../media';
import { bearer, type TestApp } from '../test-app';

let seq = 0;
/** One photo per app, shared by its stories (uploading and rendering one costs seconds on this machine). */
const photos = new WeakMap<TestApp, string>();

/** A resolved complaint of Polsek Kebayoran Baru, with a photo, approved for `channels` and scheduled now. */
export async function scheduledStory(t: TestApp, channels: string[], tokens: { operator: string; humas: string }): Promise<string> {
  let photoId = photos.get(t);
  if (!photoId) {
    photoId = (await upload(t, tokens.humas, await noisyPhoto(1200, 900), { fields: { unitCode: 'POLSEK-KEBAYORAN-BARU' } }).expect(201)).body.id as string;
    photos.set(t, photoId);
  }
  const n = ++seq;
  const { body } = await t.http.post('/api/v1/complaints').set(bearer(tokens.operator)).send({
    externalRef: `CONN-${n}-${Date.now()}`, unitCode: 'POLSEK-KEBAYORAN-BARU', category: 'kemacetan', channel: 'call_center_110',
    receivedAt: '2026-11-10T00:45:00Z', resolvedAt: '2026-11-10T01:30:00Z',
    location: { subdistrict: 'Gunung', district: 'Kebayoran Baru', city: 'Jakarta Selatan' },
    summary: `Kemacetan di persimpangan Gunung, laporan nomor ${n}.`, resolution: 'Petugas mengatur arus hingga lancar kembali.',
    stages: [{ at: '2026-11-10T00:58:00Z', label: 'Petugas tiba' }], complainant: { name: 'Budi' }, consent: { level: 'none', quote: false },
    mediaIds: [photoId],
  }).expect(201);
  await t.http.post(`/api/v1/stories/${body.storyId}/submit`).set(bearer(tokens.operator)).expect(200);
  const approved = await t.http.post(`/api/v1/stories/${body.storyId}/approve`).set(bearer(tokens.humas)).send({ channels, override: true, reason: 'uji koneksi' });
  if (approved.status !== 200) throw new Error(`approve: ${approved.status} ${JSON.stringify(approved.body)}`);
  await t.http.post(`/api/v1/stories/${body.storyId}/schedule`).set(bearer(tokens.humas)).send({}).expect(200);
  return body.storyId as string;
}

/** The story's publications by channel. */
export async function publicationsOf(t: TestApp, storyId: string): Promise<Record<string, Record<string, unknown>>> {
  const rows = await t.dataSource.query(`SELECT * FROM publication WHERE story_id = $1`, [storyId]);
  return Object.fromEntries(rows.map((r: { channel: string }) => [r.channel, r]));
}
