import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { projectRoot } from '../project-root';

/**
 * Stylesheets, scripts and icons of the press room and the console, served by the app itself
 * (machines may have no internet, and a strict Content-Security-Policy allows only 'self'):
 * `/assets/<file>` from public/, and the chart library at `/assets/vendor/chart.js/chart.umd.min.js`.
 */
export function serveStaticAssets(app: NestExpressApplication): void {
  const options = { maxAge: '1h', etag: true, index: false, fallthrough: true, dotfiles: 'ignore' } as const;
  app.useStaticAssets(path.join(projectRoot(), 'public'), { prefix: '/assets/', ...options });
  // require.resolve finds chart.js wherever npm hoisted it; its main file lives in dist/.
  app.useStaticAssets(path.dirname(require.resolve('chart.js')), { prefix: '/assets/vendor/chart.js/', ...options });
}
