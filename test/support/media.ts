import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Clock } from '../../src/common/clock';
import { bearer, createTestApp, type TestApp } from './test-app';

/** A test app with its own DATA_DIR (media files land in DATA_DIR/media). */
export async function createMediaTestApp(env: Record<string, string> = {}, clock?: Clock): Promise<TestApp & { dataDir: string; cleanup(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaung-media-'));
  const t = await createTestApp({ env: { DATA_DIR: dataDir, ...env }, clock });
  return Object.assign(t, {
    dataDir,
    async cleanup() {
      await t.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

/** Every file under DATA_DIR/media, temporary ones included, relative and sorted. */
export function mediaFiles(dataDir: string): string[] {
  const root = path.join(dataDir, 'media');
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

export function upload(t: TestApp, token: string, file: Buffer, options: { filename?: string; contentType?: string; fields?: Record<string, string> } = {}) {
  const request = t.http.post('/api/v1/media').set(bearer(token));
  for (const [name, value] of Object.entries(options.fields ?? {})) request.field(name, value);
  return request.attach('file', file, { filename: options.filename ?? 'foto.jpg', contentType: options.contentType ?? 'image/jpeg' });
}

/** GETs a rendition through the authenticated API as a Buffer. */
export async function download(t: TestApp, token: string, url: string): Promise<Buffer> {
  const response = await t.http.get(url).set(bearer(token)).buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status}`);
  return response.body as Buffer;
}

export const count = async (t: TestApp, table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
