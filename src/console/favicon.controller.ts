import fs from 'node:fs';
import path from 'node:path';
import { Get, Header } from '@nestjs/common';
import { Public } from '../common/auth/auth.decorators';
import { projectRoot } from '../common/project-root';
import { ConsoleController } from './console-controller.decorator';

/**
 * /favicon.ico: browsers ask for it on every site whatever the page links (the console and press
 * room link their SVG icons), and a 404 there filled the logs and the console. The console's icon
 * (an SVG: every browser the officers use reads it by its type).
 */
@ConsoleController()
export class FaviconController {
  private icon: Buffer | undefined;

  @Public()
  @Get('favicon.ico')
  @Header('Content-Type', 'image/svg+xml')
  @Header('Cache-Control', 'public, max-age=86400')
  favicon(): Buffer {
    return (this.icon ??= fs.readFileSync(path.join(projectRoot(), 'public', 'console', 'favicon.svg')));
  }
}
