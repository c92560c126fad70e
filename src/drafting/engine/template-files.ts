import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../common/project-root';
import { CHANNELS, STORY_KINDS } from '../channels';

export interface TemplateFiles {
  /** "complaint/website" -> source */
  templates: Map<string, string>;
  /** partial name -> source */
  partials: Map<string, string>;
}

export const CONTENT_DIR = () => path.join(projectRoot(), 'templates', 'content');

/**
 * Reads the default content templates: templates/content/<kind>/<channel>.hbs and the shared
 * partials in templates/content/partials/<name>.hbs. Every kind/channel pair must exist.
 */
export function readTemplateFiles(dir = CONTENT_DIR()): TemplateFiles {
  const templates = new Map<string, string>();
  for (const kind of STORY_KINDS) {
    for (const channel of CHANNELS) {
      const file = path.join(dir, kind, `${channel}.hbs`);
      templates.set(`${kind}/${channel}`, fs.readFileSync(file, 'utf8'));
    }
  }
  const partials = new Map<string, string>();
  const partialDir = path.join(dir, 'partials');
  for (const name of fs.readdirSync(partialDir).filter((f) => f.endsWith('.hbs')).sort()) {
    partials.set(name.slice(0, -4), fs.readFileSync(path.join(partialDir, name), 'utf8'));
  }
  return { templates, partials };
}
