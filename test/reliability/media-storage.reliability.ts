import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { noisyPhoto } from '../support/images';
import { createMediaTestApp, mediaFiles } from '../support/media';
import { bearer } from '../support/test-app';

/**
 * The media directory full or read-only: an upload answers a clean problem (507 storage_full,
 * 503 storage_unavailable), writes no row and leaves no file, and uploads work again once the
 * directory is back. The directory is a small tmpfs (mounting needs root); without mount, a
 * regular file stands where the directory should be, which fails writes the same way.
 */
function tryMount(dir: string, options: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

describe('media storage full or read-only', () => {
  let t: Awaited<ReturnType<typeof createMediaTestApp>>;
  let token: string;
  let root: string;
  let mounted = false;

  beforeAll(async () => {
    t = await createMediaTestApp();
    token = await t.login('operator.kebayoran');
    root = path.join(t.dataDir, 'media');
    fs.mkdirSync(root, { recursive: true });
    mounted = tryMount(root, 'size=2m');
  });
  afterAll(async () => {
    if (mounted) execFileSync('umount', ['-l', root], { stdio: 'pipe' });
    await t?.cleanup();
  });

  /** The media files (none while a plain file stands in for the directory), the test's filler aside. */
  const listFiles = () => (fs.statSync(root).isDirectory() ? mediaFiles(t.dataDir).filter((f) => f !== 'filler') : []);
  const mediaRows = async () => (await t.dataSource.query(`SELECT (SELECT count(*)::int FROM media) + (SELECT count(*)::int FROM media_rendition) AS n`))[0].n as number;
  const upload = async () => t.http.post('/api/v1/media').set(bearer(token)).field('alt', 'Petugas membantu warga').attach('file', await noisyPhoto(120, 80, { noise: 10 }), 'foto.jpg');

  async function expectRefused(status: number, code: string) {
    const rows = await mediaRows();
    const files = listFiles();
    const response = await upload();
    expect([response.status, response.body.code]).toEqual([status, code]);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(JSON.stringify(response.body)).not.toMatch(/ENOSPC|EROFS|ENOTDIR|\/tmp\/|stack/);
    expect(await mediaRows()).toBe(rows);
    expect(listFiles()).toEqual(files);
  }

  it('works before anything goes wrong', async () => {
    expect((await upload()).status).toBe(201);
  });

  it('answers 507 when the disk is full, and works again once there is room', async () => {
    if (!mounted) {
      process.stdout.write('[reliability] media full: no tmpfs (mount refused); only the unusable-directory case runs\n');
      return;
    }
    const filler = path.join(root, 'filler');
    try {
      fs.writeFileSync(filler, Buffer.alloc(4 * 1024 * 1024));
    } catch (error) {
      expect((error as { code?: string }).code).toBe('ENOSPC'); // the tmpfs is now full to the last block
    }
    await expectRefused(507, 'storage_full');
    fs.rmSync(filler);
    expect((await upload()).status).toBe(201);
  });

  it('answers 503 when the media directory is read-only or gone, and works again afterwards', async () => {
    if (mounted) {
      // a fresh photo needs a new <aa>/ directory most of the time: the read-only mount must refuse that too
      for (const entry of fs.readdirSync(root)) fs.rmSync(path.join(root, entry), { recursive: true, force: true });
      execFileSync('mount', ['-o', 'remount,ro', root], { stdio: 'pipe' });
      await expectRefused(503, 'storage_unavailable');
      execFileSync('mount', ['-o', 'remount,rw', root], { stdio: 'pipe' });
    } else {
      fs.rmSync(root, { recursive: true, force: true });
      fs.writeFileSync(root, 'not a directory');
      await expectRefused(503, 'storage_unavailable');
      fs.rmSync(root);
    }
    expect((await upload()).status).toBe(201);
  });
});
