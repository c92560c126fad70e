import { Logger, StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ProblemException } from '../common/problem/problem.exception';
import type { FileRef, MediaStore } from './media-store';
import { CONTENT_TYPE } from './renditions';

/**
 * Public renditions may be cached by browsers and CDNs, but only briefly: a blur replaces the
 * file behind the same URL, and a withdrawn story's photos must stop being served. The ETag
 * (the file's hash) makes revalidation a cheap 304.
 */
export const PUBLIC_CACHE = 'public, max-age=300, must-revalidate';
/** Unpublished media: the browser may keep it, no shared cache may. */
export const PRIVATE_CACHE = 'private, no-cache';

const logger = new Logger('MediaFiles');

export async function sendMediaFile(store: MediaStore, file: FileRef, request: Request, response: Response, cacheControl: string): Promise<StreamableFile | undefined> {
  const etag = `"${file.sha256}"`;
  response.setHeader('Cache-Control', cacheControl);
  response.setHeader('ETag', etag);
  // Partner sites and link previews embed public images from another origin (helmet says same-origin).
  if (cacheControl === PUBLIC_CACHE) response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  const match = request.headers['if-none-match'];
  if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    response.status(304);
    return undefined;
  }
  const length = await store.size(file);
  if (length === null) {
    // A row without its file: someone removed files by hand, or a shared directory is not mounted.
    logger.error({ sha256: file.sha256 }, 'media file missing');
    throw ProblemException.notFound('The file');
  }
  return new StreamableFile(store.open(file), { type: CONTENT_TYPE[file.format], length });
}
