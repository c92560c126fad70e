import fs from 'node:fs';
import path from 'node:path';
import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { projectRoot } from '../../common/project-root';
import { stripInvisible } from '../../common/text/invisible';

export const PRESSROOM_TEMPLATES = () => path.join(projectRoot(), 'templates', 'pressroom');

export type PressRoomView = 'list' | 'release' | 'notice';
const VIEWS: readonly PressRoomView[] = ['list', 'release', 'notice'];

/**
 * The press room's Handlebars views (templates/pressroom), compiled once when the app starts, in
 * their own Handlebars environment (the content templates' helpers do not leak in). HTML
 * escaping stays on: `{{...}}` everywhere; the only `{{{...}}}` is the JSON-LD block, which
 * jsonForScript makes safe inside <script>.
 */
@Injectable()
export class PressRoomViews {
  private readonly views = new Map<PressRoomView, Handlebars.TemplateDelegate>();

  constructor() {
    const dir = PRESSROOM_TEMPLATES();
    const hbs = Handlebars.create();
    const partialDir = path.join(dir, 'partials');
    for (const file of fs.readdirSync(partialDir).filter((f) => f.endsWith('.hbs')).sort()) {
      hbs.registerPartial(file.slice(0, -4), hbs.compile(fs.readFileSync(path.join(partialDir, file), 'utf8'), { strict: true }));
    }
    for (const view of VIEWS) {
      // strict: a misspelt field fails the render (and the test) instead of printing nothing
      this.views.set(view, hbs.compile(fs.readFileSync(path.join(dir, `${view}.hbs`), 'utf8'), { strict: true }));
    }
  }

  /** The page, without invisible bidi and format characters anywhere (text, Open Graph, JSON-LD). */
  render(view: PressRoomView, model: object): string {
    return stripInvisible(this.views.get(view)!(model));
  }
}

/** JSON that cannot end its <script> element or open a comment, and stays valid JSON. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
