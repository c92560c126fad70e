import { ProblemException } from '../common/problem/problem.exception';
import { type ImageProbe, ImageRejected } from './image-processor';

/** The media module's problems, each with its stable code (README, API conventions). */
export const MediaProblems = {
  unsupported: (detail: string) =>
    new ProblemException({ status: 415, code: 'unsupported_media_type', title: 'Unsupported media type', detail }),

  undecodable: () =>
    ProblemException.unprocessable('image_undecodable', 'The file looks like an image but cannot be decoded: it may be truncated or damaged.'),

  tooManyPixels: (maxPixels?: number) =>
    ProblemException.unprocessable('too_many_pixels', `The image has more than ${maxPixels ? maxPixels.toLocaleString('en-US') : 'the allowed number of'} pixels; send a smaller one.`),

  tooLarge: (maxBytes: number) =>
    new ProblemException({
      status: 413,
      code: 'file_too_large',
      title: 'Payload too large',
      detail: `The file is larger than ${(maxBytes / 1024 / 1024).toFixed(1)} MB.`,
    }),

  /** 400 naming the multipart field (or `file`) that is wrong. */
  badUpload: (code: string, detail: string, field = 'file') =>
    new ProblemException({ status: 400, code, title: 'Bad request', detail, errors: [{ field, message: detail }] }),

  busy: () =>
    new ProblemException({
      status: 503, code: 'media_busy', title: 'Service unavailable', detail: 'Too many images are being processed; try again shortly.', headers: { 'Retry-After': '5' },
    }),

  /** What an ImageRejected means for the client; HEIC needs an HEVC decoder this build may lack. */
  fromImage(error: unknown, maxPixels?: number, probe?: ImageProbe): unknown {
    if (!(error instanceof ImageRejected)) return error;
    if (error.reason === 'busy') return MediaProblems.busy();
    if (error.reason === 'too_many_pixels') return MediaProblems.tooManyPixels(maxPixels);
    if (probe?.format === 'heif' && probe.compression === 'hevc') {
      return MediaProblems.unsupported('HEIC (HEVC) photos cannot be decoded on this server; send it as JPEG (most phones can share as "Most Compatible").');
    }
    return MediaProblems.undecodable();
  },

  /**
   * The media directory refused a write: full (507) or unusable (503: read-only, not
   * writable, not a directory). The upload is rolled back; the officer may retry later.
   */
  fromStorage(error: unknown): unknown {
    const code = (error as { code?: string } | null)?.code ?? '';
    if (code === 'ENOSPC' || code === 'EDQUOT') {
      return new ProblemException({ status: 507, code: 'storage_full', title: 'Insufficient storage', detail: 'The media storage is full; the photo was not saved. Try again later.' });
    }
    // (a recursive mkdir on a read-only file system fails with ENOENT, not EROFS)
    if (['EROFS', 'EACCES', 'EPERM', 'ENOTDIR', 'EEXIST', 'EIO', 'ENOENT'].includes(code)) {
      return new ProblemException({ status: 503, code: 'storage_unavailable', title: 'Service unavailable', detail: 'The media storage cannot be written now; the photo was not saved. Try again later.', headers: { 'Retry-After': '30' } });
    }
    return error;
  },

  changed: () => ProblemException.conflict('media_changed', 'The photo was changed by someone else meanwhile; load it again and retry.'),
};
