import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { GAUNG_CONFIG, type GaungConfig } from '../config/gaung-config';
import { MediaProblems } from './media-problems';
import { FILE_EXT, type StoredFormat } from './renditions';

export interface FileRef {
  sha256: string;
  format: StoredFormat;
}

const TEMP_PREFIX = '.tmp-';
/** Temporary files older than this were left by a crash (a live write takes seconds at most). */
const STALE_TEMP_MS = 15 * 60_000;

export const sha256Hex = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * The media files on disk: content-addressed (DATA_DIR/media/<aa>/<sha256>.<ext>), so a file
 * never changes once written and identical files are stored once. Writes go to a temporary
 * file in the same directory, are flushed, then renamed into place: a reader or a crash sees
 * the whole file or none. Which files are still needed is decided by the rows (MediaWriter).
 */
@Injectable()
export class MediaStore implements OnModuleInit {
  private readonly logger = new Logger(MediaStore.name);
  readonly root: string;

  constructor(@Inject(GAUNG_CONFIG) config: GaungConfig) {
    this.root = path.join(config.dataDir, 'media');
  }

  /** Directories are made on first write: an instance that never stores media leaves no trace. */
  async onModuleInit(): Promise<void> {
    await this.sweepTemporaryFiles();
  }

  pathOf(ref: FileRef): string {
    if (!/^[0-9a-f]{64}$/.test(ref.sha256)) throw new Error('not a sha256');
    return path.join(this.root, ref.sha256.slice(0, 2), `${ref.sha256}.${FILE_EXT[ref.format]}`);
  }

  /** Writes `data` unless the same content is already there; `created` says which. */
  async put(data: Buffer, format: StoredFormat): Promise<FileRef & { bytes: number; created: boolean }> {
    const ref = { sha256: sha256Hex(data), format };
    const target = this.pathOf(ref);
    if (await this.exists(target)) return { ...ref, bytes: data.length, created: false };
    const temp = path.join(path.dirname(target), `${TEMP_PREFIX}${randomBytes(8).toString('hex')}`);
    try {
      await fs.mkdir(path.dirname(target), { recursive: true });
      const handle = await fs.open(temp, 'wx', 0o644);
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true }).catch(() => undefined);
      // a full or read-only disk is the operator's problem, not a bug: 507/503 instead of 500
      throw MediaProblems.fromStorage(error);
    }
    return { ...ref, bytes: data.length, created: true };
  }

  read(ref: FileRef): Promise<Buffer> {
    return fs.readFile(this.pathOf(ref));
  }

  open(ref: FileRef): ReadStream {
    return createReadStream(this.pathOf(ref));
  }

  /** Size in bytes, or null when the file is not there. */
  async size(ref: FileRef): Promise<number | null> {
    return fs.stat(this.pathOf(ref)).then((stat) => stat.size, () => null);
  }

  async exists(file: string): Promise<boolean> {
    return fs.access(file).then(() => true, () => false);
  }

  async remove(ref: FileRef): Promise<void> {
    await fs.rm(this.pathOf(ref), { force: true });
  }

  /** Leftovers of a process killed mid-write; other instances' live writes are younger. */
  private async sweepTemporaryFiles(): Promise<void> {
    const now = Date.now();
    for (const dir of await fs.readdir(this.root).catch(() => [] as string[])) {
      if (!/^[0-9a-f]{2}$/.test(dir)) continue;
      for (const name of await fs.readdir(path.join(this.root, dir)).catch(() => [] as string[])) {
        if (!name.startsWith(TEMP_PREFIX)) continue;
        const file = path.join(this.root, dir, name);
        const stat = await fs.stat(file).catch(() => null);
        if (stat && now - stat.mtimeMs > STALE_TEMP_MS) {
          await fs.rm(file, { force: true });
          this.logger.warn({ file }, 'removed a temporary media file left by an interrupted write');
        }
      }
    }
  }
}
