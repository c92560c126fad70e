import fs from 'node:fs';
import path from 'node:path';
import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { projectRoot } from '../common/project-root';

/**
 * The monthly page's Handlebars template (templates/reports/), compiled once when the app
 * starts: its own Handlebars environment, HTML escaping on (story titles and partner names are
 * outside input), strict lookups (a misspelt field fails loudly), no helpers beyond the built-in
 * block helpers, no prototype access.
 */
@Injectable()
export class MonthlyPageRenderer {
  private readonly page: HandlebarsTemplateDelegate;

  constructor() {
    const hb = Handlebars.create();
    const dir = path.join(projectRoot(), 'templates', 'reports');
    const compile = (file: string) => hb.compile(fs.readFileSync(path.join(dir, file), 'utf8'), { strict: true, noEscape: false });
    hb.registerPartial('chart', compile('chart.hbs'));
    hb.registerPartial('engagement', compile('engagement.hbs'));
    this.page = compile('monthly.hbs');
  }

  render(view: object): string {
    return this.page(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  }
}
