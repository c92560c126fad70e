import { readTemplateFiles, type TemplateFiles } from './template-files';
import { TemplateEngine } from './template-engine';
import type { TemplateSet } from './drafter';
import type { CompiledTemplate } from './template-engine';

/** The engine with the shipped partials and the default templates compiled once (version 0). */
export function loadDefaultTemplates(files: TemplateFiles = readTemplateFiles()): { engine: TemplateEngine; defaults: TemplateSet } {
  const engine = new TemplateEngine(files.partials);
  const defaults = new Map<string, CompiledTemplate>();
  for (const [key, source] of files.templates) defaults.set(key, engine.compile(key, source, 0));
  return { engine, defaults };
}
