import fs from 'node:fs';
import path from 'node:path';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import Handlebars from 'handlebars';
import { projectRoot } from '../common/project-root';
import { registerConsoleHelpers } from './console-helpers';

/** What the layout shows around every page (see ConsoleView, which builds it). */
export interface LayoutModel {
  title: string;
  user: { displayName: string; username: string; role: string; unitCode: string | null } | null;
  nav: { href: string; label: string; current: boolean }[];
  csrfToken: string | null;
  flash: { kind: string; text: string } | null;
  unread: number;
  /** Publishing pauses affecting the officer, shown on every page. */
  pauses: { unitName: string; reason: string; pausedAt: Date; timezone: string | null; own: boolean }[];
  /** Extra scripts of this page: file names under /assets/console/ (loaded with defer). */
  scripts: string[];
  /** Vendor scripts by full /assets path (e.g. chart.js). */
  vendorScripts: string[];
}

export const CONSOLE_TEMPLATES = () => path.join(projectRoot(), 'templates', 'console');

/**
 * Compiles every view and partial of templates/console once at start (Handlebars with HTML
 * escaping on) and renders a view inside layout.hbs. Views are named by their path below
 * templates/console without ".hbs" ("dashboard", "pages/intake/complaint"); files below a
 * `partials` folder are partials, named by their path with that folder left out
 * ("partials/csrf.hbs" -> "csrf", "pages/partials/photo.hbs" -> "pages/photo").
 */
@Injectable()
export class ConsoleRenderer implements OnModuleInit {
  private readonly hbs = Handlebars.create();
  private readonly views = new Map<string, Handlebars.TemplateDelegate>();
  private layout!: Handlebars.TemplateDelegate;

  onModuleInit(): void {
    this.load(CONSOLE_TEMPLATES());
  }

  load(root: string): void {
    registerConsoleHelpers(this.hbs);
    const options: CompileOptions = { strict: false, preventIndent: true };
    for (const file of listTemplates(root)) {
      const relative = path.relative(root, file).split(path.sep).join('/').replace(/\.hbs$/, '');
      const source = fs.readFileSync(file, 'utf8');
      if (relative.split('/').includes('partials')) {
        this.hbs.registerPartial(relative.split('/').filter((p) => p !== 'partials').join('/'), this.hbs.compile(source, options));
      } else if (relative === 'layout') {
        this.layout = this.hbs.compile(source, options);
      } else {
        this.views.set(relative, this.hbs.compile(source, options));
      }
    }
    if (!this.layout) throw new Error(`templates/console/layout.hbs is missing under ${root}`);
  }

  has(view: string): boolean {
    return this.views.has(view);
  }

  /** The whole HTML page: the view's output inside the layout. */
  render(view: string, model: object, layout: LayoutModel): string {
    const template = this.views.get(view);
    if (!template) throw new Error(`Console view "${view}" does not exist`);
    const data = { ...model, layout };
    const body = template(data, { allowProtoPropertiesByDefault: false });
    return this.layout({ ...layout, body: new Handlebars.SafeString(body) });
  }
}

type CompileOptions = Parameters<typeof Handlebars.compile>[1];

function listTemplates(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTemplates(full));
    else if (entry.name.endsWith('.hbs')) out.push(full);
  }
  return out.sort();
}
