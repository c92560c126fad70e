import Handlebars from 'handlebars';
import { INDONESIAN_HELPER_NAMES, registerIndonesianHelpers } from '../helpers';
import { checkTemplateShape, KEPT_BUILTIN_HELPERS, prescanTemplate, REMOVED_BUILTIN_HELPERS, TemplateLimitError, type TemplateShape } from './template-limits';
import { awalKapital, awalKecil, besar, judul, kalimat, kecil, kutip } from './text-helpers';
import { chooseVariant, splitVariants, type VariantMemory } from './variants';

/** The variant of a template a story (seed) gets. */
export const variantOf = (template: CompiledTemplate, seed: string, memory?: VariantMemory): number => chooseVariant(seed, template.key, template.variants.length, memory);

/** A template compiled once, with its variants. */
export interface CompiledTemplate {
  key: string;
  version: number;
  variants: HandlebarsTemplateDelegate[];
}

/** A template that does not compile, with where. */
export class TemplateSyntaxError extends Error {
  constructor(readonly key: string, message: string, readonly line: number | null) {
    super(message);
    this.name = 'TemplateSyntaxError';
  }
}

export interface RenderData {
  /** The unit's zone, used by the date and time helpers when a template leaves it out. */
  tz: string;
  seed: string;
  /** 0 = full; 1, 2 = drop optional parts so that the post fits its channel. */
  compact: number;
  /** The story's and its unit's recent variant choices (issue 18: no two recent stories alike). */
  variants?: VariantMemory;
}

const TEXT_HELPERS = { judul, awalKecil, awalKapital, kalimat, kutip, kecil, besar } as const;
const EXTRA_HELPERS = ['kategoriPartial', 'eq', 'lebihDari', ...Object.keys(TEXT_HELPERS)];

/**
 * An isolated Handlebars environment: strict lookups (a misspelt field fails the render),
 * known helpers only (the built-ins no template needs removed: template-limits.ts), no
 * prototype access, nesting and size limits at parse, and no HTML escaping because drafts are
 * plain text (the press room and feeds escape when they turn text into HTML).
 */
export class TemplateEngine {
  private readonly hb = Handlebars.create();
  private readonly knownHelpers: Record<string, boolean> = {};
  private readonly helperNames: ReadonlySet<string>;

  constructor(partials: Map<string, string>) {
    registerIndonesianHelpers(this.hb);
    this.registerExtraHelpers();
    for (const name of REMOVED_BUILTIN_HELPERS) {
      this.hb.unregisterHelper(name);
      this.knownHelpers[name] = false;
    }
    for (const name of [...INDONESIAN_HELPER_NAMES, ...EXTRA_HELPERS]) this.knownHelpers[name] = true;
    this.helperNames = new Set([...INDONESIAN_HELPER_NAMES, ...EXTRA_HELPERS, ...KEPT_BUILTIN_HELPERS]);
    for (const [name, source] of partials) this.registerPartial(name, source);
  }

  /**
   * Checks a template's size and block nesting from its text, without parsing it: cheap enough
   * for the main thread, so that an override is refused (with its line) before a worker parses,
   * compiles and renders it.
   */
  prescan(key: string, source: string): TemplateShape {
    if (splitVariants(source).length === 0) throw new TemplateSyntaxError(key, 'template is empty', 1);
    try {
      return prescanTemplate(source);
    } catch (error) {
      if (error instanceof TemplateLimitError) throw new TemplateSyntaxError(key, error.message, error.line);
      throw error;
    }
  }

  compile(key: string, source: string, version: number): CompiledTemplate {
    const variants = splitVariants(source);
    if (variants.length === 0) throw new TemplateSyntaxError(key, 'template is empty', 1);
    return { key, version, variants: variants.map((variant) => this.compileOne(key, variant)) };
  }

  render(template: CompiledTemplate, view: object, data: RenderData): string {
    return this.renderVariant(template, variantOf(template, data.seed), view, data);
  }

  /** Renders variant `index` (from variantOf), for callers that also record which one they used. */
  renderVariant(template: CompiledTemplate, index: number, view: object, data: RenderData): string {
    return template.variants[index](view, { data, allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  }

  private compileOne(key: string, source: string): HandlebarsTemplateDelegate {
    // parse now: Handlebars compiles lazily and would report syntax errors only at first render
    const ast = this.parseChecked(key, source);
    // ignoreStandalone: a partial alone on its line keeps that line's newline (partials carry none
    // of their own so that they also work inside a sentence); normalise() tidies blank lines.
    // Compiled from the checked tree, so that what was checked is what runs.
    return this.hb.compile(ast, { strict: true, noEscape: true, ignoreStandalone: true, knownHelpers: this.knownHelpers, knownHelpersOnly: true });
  }

  private parseChecked(key: string, source: string): hbs.AST.Program {
    try {
      // the text scan first: Handlebars' parser is slow on deep nesting
      prescanTemplate(source);
      // the same whitespace option as compile: a tree passed to compile keeps what parse made of blank lines
      const ast = this.hb.parse(source, { ignoreStandalone: true });
      checkTemplateShape(ast, this.helperNames);
      return ast;
    } catch (error) {
      if (error instanceof TemplateLimitError) throw new TemplateSyntaxError(key, error.message, error.line);
      const message = (error as Error).message;
      const line = /line (\d+)/i.exec(message);
      throw new TemplateSyntaxError(key, message.split('\n')[0], line ? Number(line[1]) : null);
    }
  }

  /** Partials may hold variants too; each story picks one, independently per partial. */
  private registerPartial(name: string, source: string): void {
    const compiled = this.compile(`partial:${name}`, source, 0);
    this.hb.registerPartial(name, ((context: unknown, options: { data?: { seed?: string; variants?: VariantMemory } }) => {
      const index = chooseVariant(options?.data?.seed ?? '', name, compiled.variants.length, options?.data?.variants);
      return compiled.variants[index](context, options as Handlebars.RuntimeOptions);
    }) as unknown as Handlebars.Template);
  }

  private registerExtraHelpers(): void {
    const partials = this.hb.partials as Record<string, unknown>;
    // "complaint-lead" -> "complaint-lead-curanmor" when such a partial exists, else "-default"
    this.hb.registerHelper('kategoriPartial', (base: string, category: string) =>
      partials[`${base}-${category}`] ? `${base}-${category}` : `${base}-default`,
    );
    this.hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    this.hb.registerHelper('lebihDari', (a: unknown, b: unknown) => typeof a === 'number' && typeof b === 'number' && a > b);
    for (const [name, fn] of Object.entries(TEXT_HELPERS)) {
      this.hb.registerHelper(name, (text: unknown) => {
        if (typeof text !== 'string') throw new Error(`${name}: teks kosong`);
        return fn(text);
      });
    }
  }
}
