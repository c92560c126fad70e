// `hbs` is the global namespace of Handlebars' own type declarations (its AST node types).

type Node = hbs.AST.Node & { loc?: hbs.AST.SourceLocation };

/**
 * Limits every template (shipped or override) is held to, by a text scan before Handlebars parses
 * it (prescanTemplate) and on its parsed tree before Handlebars compiles it (checkTemplateShape): an override is written by a humas officer, and nested blocks cost time exponentially
 * ({{#each @root}} six deep) or in code generation (1,100 nested {{#if}} took 20 s). The shipped
 * templates stay far inside them (deepest nesting 3, fewer than 300 nodes).
 */
export const TEMPLATE_LIMITS = {
  /** Characters of source (the API refuses longer bodies too). */
  maxChars: 20_000,
  /** Statements, expressions and literals together. */
  maxNodes: 3_000,
  /** Blocks, partial blocks and sub-expressions inside one another. */
  maxDepth: 8,
  /** {{#each}} inside {{#each}}: each level multiplies the work by the size of a list. */
  maxEachDepth: 2,
} as const;

/**
 * Built-in Handlebars helpers no template needs and that are refused by name: `log` writes to the
 * service log (a template forged log lines and dumped @root), `lookup` reaches fields by computed
 * name, `with` re-roots lookups; helperMissing and blockHelperMissing are Handlebars' internals.
 */
export const REMOVED_BUILTIN_HELPERS = ['log', 'lookup', 'with', 'helperMissing', 'blockHelperMissing'] as const;

/** Block helpers Handlebars brings that the shipped templates use. */
export const KEPT_BUILTIN_HELPERS = ['if', 'unless', 'each'] as const;

export class TemplateLimitError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
    this.name = 'TemplateLimitError';
  }
}

export interface TemplateShape {
  depth: number;
  /** The line where the most deeply nested construct starts (named when a render is too slow). */
  heaviestLine: number;
}

/** A comment (skipped: it may hold anything), or a tag that opens or closes a block. */
const BLOCK_TAG = /\{\{!--[\s\S]*?--~?\}\}|\{\{!(?!--)[^}]*\}\}|\{\{~?\s*([#^/])\s*([^\s}~]*)/g;

/**
 * The size and block nesting of a template from its text alone, before Handlebars parses it:
 * one regular-expression pass, cheap enough for the main thread (Handlebars' own parser took
 * half a second on 1,100 nested blocks, and parses the rest in the worker thread).
 */
export function prescanTemplate(source: string): TemplateShape {
  if (source.length > TEMPLATE_LIMITS.maxChars) {
    throw new TemplateLimitError(`the template is longer than ${TEMPLATE_LIMITS.maxChars} characters`, lineAt(source, TEMPLATE_LIMITS.maxChars, 0, 1));
  }
  let depth = 0;
  const shape: TemplateShape = { depth: 0, heaviestLine: 1 };
  let outermostLine = 1;
  let scanned = 0;
  let line = 1;
  for (const match of source.matchAll(BLOCK_TAG)) {
    line = lineAt(source, match.index, scanned, line);
    scanned = match.index;
    const [, sign, name] = match;
    if (sign === '/') depth = Math.max(0, depth - 1);
    // "{{^}}" alone is an else; "{{^name}}" opens an inverted section
    if (sign === '#' || (sign === '^' && name !== '')) {
      if (depth === 0) outermostLine = line;
      depth++;
      if (depth > TEMPLATE_LIMITS.maxDepth) throw new TemplateLimitError(`blocks are nested more than ${TEMPLATE_LIMITS.maxDepth} deep`, line);
      if (depth > shape.depth) {
        shape.depth = depth;
        shape.heaviestLine = outermostLine;
      }
    }
  }
  return shape;
}

/** The line of `index`, counting on from `line` at `from`. */
function lineAt(source: string, index: number, from: number, line: number): number {
  let at = line;
  for (let i = source.indexOf('\n', from); i >= 0 && i < index; i = source.indexOf('\n', i + 1)) at++;
  return at;
}

const lineOf = (node: Node | undefined): number => node?.loc?.start?.line ?? 1;

interface Walk {
  nodes: number;
  depth: number;
  heaviestLine: number;
  helpers: ReadonlySet<string>;
}

/**
 * Walks a parsed template and throws a TemplateLimitError naming the line of the first construct
 * over a limit, or a helper that is not registered (Handlebars would only notice at first render).
 */
export function checkTemplateShape(program: hbs.AST.Program, helpers: ReadonlySet<string>): void {
  const walk: Walk = { nodes: 0, depth: 0, heaviestLine: 1, helpers };
  visitProgram(walk, program, 0, 0, 1);
}

function visitProgram(walk: Walk, program: hbs.AST.Program | undefined, depth: number, eachDepth: number, outermostLine: number): void {
  if (!program) return;
  for (const statement of program.body) visit(walk, statement as Node, depth, eachDepth, outermostLine);
}

function count(walk: Walk, node: Node): void {
  if (++walk.nodes > TEMPLATE_LIMITS.maxNodes) {
    throw new TemplateLimitError(`the template has more than ${TEMPLATE_LIMITS.maxNodes} parts`, lineOf(node));
  }
}

function enter(walk: Walk, node: Node, depth: number, outermostLine: number): number {
  const next = depth + 1;
  if (next > TEMPLATE_LIMITS.maxDepth) {
    throw new TemplateLimitError(`blocks are nested more than ${TEMPLATE_LIMITS.maxDepth} deep`, lineOf(node));
  }
  if (next > walk.depth) {
    walk.depth = next;
    walk.heaviestLine = outermostLine;
  }
  return next;
}

function visit(walk: Walk, node: Node, depth: number, eachDepth: number, outermostLine: number): void {
  count(walk, node);
  const top = depth === 0 ? lineOf(node) : outermostLine;
  switch (node.type) {
    case 'MustacheStatement':
    case 'SubExpression': {
      const call = node as hbs.AST.MustacheStatement | hbs.AST.SubExpression;
      const isCall = call.params.length > 0 || (call.hash?.pairs.length ?? 0) > 0 || node.type === 'SubExpression';
      if (isCall) checkHelper(walk, call.path as Node, node);
      const inner = node.type === 'SubExpression' ? enter(walk, node, depth, top) : depth;
      visitExpressions(walk, call, inner, eachDepth, top);
      return;
    }
    case 'BlockStatement': {
      const block = node as hbs.AST.BlockStatement;
      checkHelper(walk, block.path as Node, node, true);
      const inner = enter(walk, node, depth, top);
      const name = (block.path as hbs.AST.PathExpression).original;
      const innerEach = name === 'each' ? eachDepth + 1 : eachDepth;
      if (innerEach > TEMPLATE_LIMITS.maxEachDepth) {
        throw new TemplateLimitError(`{{#each}} is nested more than ${TEMPLATE_LIMITS.maxEachDepth} deep`, lineOf(node));
      }
      visitExpressions(walk, block, inner, eachDepth, top);
      visitProgram(walk, block.program, inner, innerEach, top);
      visitProgram(walk, block.inverse, inner, innerEach, top);
      return;
    }
    case 'PartialStatement':
    case 'PartialBlockStatement': {
      const partial = node as hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement;
      const inner = node.type === 'PartialBlockStatement' ? enter(walk, node, depth, top) : depth;
      for (const param of partial.params) visitExpression(walk, param as Node, inner, eachDepth, top);
      for (const pair of partial.hash?.pairs ?? []) visitExpression(walk, pair.value as Node, inner, eachDepth, top);
      if (node.type === 'PartialBlockStatement') visitProgram(walk, (partial as hbs.AST.PartialBlockStatement).program, inner, eachDepth, top);
      return;
    }
    case 'Decorator':
    case 'DecoratorBlock':
      throw new TemplateLimitError('decorators ({{* ...}}) are not allowed in templates', lineOf(node));
    default:
      return; // content, comments
  }
}

function visitExpressions(walk: Walk, call: { params: hbs.AST.Expression[]; hash?: hbs.AST.Hash }, depth: number, eachDepth: number, top: number): void {
  for (const param of call.params) visitExpression(walk, param as Node, depth, eachDepth, top);
  for (const pair of call.hash?.pairs ?? []) visitExpression(walk, pair.value as Node, depth, eachDepth, top);
}

function visitExpression(walk: Walk, node: Node, depth: number, eachDepth: number, top: number): void {
  if (node.type === 'SubExpression') return visit(walk, node, depth, eachDepth, top);
  count(walk, node);
}

/** A call (with arguments, or a block) must name a registered helper; removed built-ins are refused by name. */
function checkHelper(walk: Walk, path: Node, at: Node, block = false): void {
  if (path.type !== 'PathExpression') return;
  const expression = path as hbs.AST.PathExpression;
  const name = expression.original;
  if ((REMOVED_BUILTIN_HELPERS as readonly string[]).includes(name)) {
    throw new TemplateLimitError(`the helper "${name}" is not available in templates`, lineOf(at));
  }
  // a block on a plain field ({{#complaint.quote}}) is a section, which Handlebars allows
  if (block || expression.data || expression.parts.length !== 1) return;
  if (!walk.helpers.has(name)) throw new TemplateLimitError(`unknown helper "${name}"`, lineOf(at));
}
