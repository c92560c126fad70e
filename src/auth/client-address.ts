import type { Request } from 'express';

/** The caller's address as Express sees it (X-Forwarded-For counts only with TRUST_PROXY). */
export const clientAddress = (request: Pick<Request, 'ip' | 'socket'>): string => request.ip ?? request.socket?.remoteAddress ?? 'unknown';
