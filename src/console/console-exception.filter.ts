import { type ArgumentsHost, Catch, type ExceptionFilter, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { mapToProblem } from '../common/problem/problem-mapping';
import type { ConsoleRequest } from './console-view.service';
import { ConsoleView } from './console-view.service';
import { safeLocalPath } from './flash';

/** What the officer reads for each status (the API's English detail stays in the API). */
const MESSAGES: Record<number, { title: string; text: string }> = {
  400: { title: 'Permintaan tidak valid', text: 'Alamat atau isian halaman ini tidak valid.' },
  403: { title: 'Akses ditolak', text: 'Anda tidak berwenang membuka halaman ini atau melakukan tindakan ini.' },
  404: { title: 'Tidak ditemukan', text: 'Halaman atau data yang Anda cari tidak ada, atau berada di luar wilayah tugas Anda.' },
  409: { title: 'Terjadi perubahan', text: 'Data ini sudah diubah; muat ulang halaman lalu coba lagi.' },
  413: { title: 'Isian terlalu besar', text: 'Isian formulir lebih besar dari yang diizinkan.' },
  415: { title: 'Formulir tidak dikenali', text: 'Kirim formulir dari halaman konsol.' },
  429: { title: 'Terlalu banyak permintaan', text: 'Tunggu sebentar lalu coba lagi.' },
  503: { title: 'Layanan sedang terganggu', text: 'Basis data tidak dapat dihubungi. Coba lagi beberapa saat lagi.' },
};
const LOGIN_RATE_MESSAGE = { title: 'Terlalu banyak percobaan masuk', text: 'Terlalu banyak percobaan masuk dari alamat ini. Tunggu satu menit lalu coba lagi.' };
const CSRF_MESSAGE = { title: 'Formulir kedaluwarsa', text: 'Formulir ini tidak membawa token keamanan yang sah. Muat ulang halaman lalu kirim lagi.' };

/**
 * Errors of console routes as HTML pages: not signed in -> 303 to the login page with the page
 * to come back to; forbidden -> a 403 page; anything else -> a page with the status, never a stack.
 */
@Catch()
@Injectable()
export class ConsoleExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Console');

  constructor(private readonly view: ConsoleView) {}

  async catch(error: unknown, host: ArgumentsHost): Promise<void> {
    const request = host.switchToHttp().getRequest<ConsoleRequest>();
    const response = host.switchToHttp().getResponse<Response>();
    const { body, headers, unexpected } = mapToProblem(error);
    if (unexpected) {
      const e = error as Error;
      this.logger.error({ err: { name: e?.name, code: (e as { code?: string })?.code, stack: e?.stack }, path: request.path }, 'console request failed');
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    if (body.status === 401) {
      // A form posted after the session ended comes back to the page it was posted from.
      // A post says so: the login page explains, and the form comes back filled in (console.js keeps it).
      const posted = request.method !== 'GET' && request.method !== 'HEAD';
      const back = posted ? refererPath(request) : request.originalUrl;
      const query = new URLSearchParams();
      const next = safeLocalPath(back, '/');
      if (next !== '/') query.set('next', next);
      if (posted) query.set('sesi', 'habis');
      const search = query.toString();
      response.redirect(303, search ? `/login?${search}` : '/login');
      return;
    }
    const known = body.code === 'csrf_failed' ? CSRF_MESSAGE
      : body.status === 429 && request.path === '/login' ? LOGIN_RATE_MESSAGE
      : (MESSAGES[body.status] ?? { title: 'Terjadi kesalahan', text: 'Permintaan tidak dapat diproses. Coba lagi; bila berulang, hubungi admin.' });
    try {
      await this.view.send(request, response, 'error', { status: body.status, message: known.text, code: body.code }, { title: known.title, status: body.status });
    } catch (renderError) {
      // The error page itself failed (e.g. the database is down while counting notifications).
      this.logger.error({ err: { name: (renderError as Error)?.name } }, 'console error page failed');
      if (!response.headersSent) response.status(body.status).type('text/plain').send(`${body.status} ${known.title}`);
    }
  }
}

function refererPath(request: ConsoleRequest): string {
  const referer = request.get('referer');
  if (!referer) return '/';
  try {
    const url = new URL(referer);
    return url.host === request.get('host') ? `${url.pathname}${url.search}` : '/';
  } catch {
    return '/';
  }
}
