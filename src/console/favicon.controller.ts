import fs from 'node:fs';
import path from 'node:path';
import { Get, Header, StreamableFile } from '@nestjs/common';
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
  @Header('Cache-Control', 'public, max-age=86400')
  favicon(): StreamableFile {
    // a StreamableFile, not a Buffer: Nest would answer a bare Buffer as JSON
    this.icon ??= fs.readFileSync(path.join(projectRoot(), 'public', 'console', 'favicon.svg'));
    return new StreamableFile(this.icon, { type: 'image/svg+xml' });
  }
}
