import { loadDefaultTemplates } from './default-templates';
import { prescanTemplate, TEMPLATE_LIMITS } from './template-limits';
import { TemplateSyntaxError } from './template-engine';

describe('template limits', () => {
  const { engine } = loadDefaultTemplates();
  const refusal = (source: string) => {
    try {
      engine.compile('complaint/x', source, 0);
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateSyntaxError);
      return { message: (error as Error).message, line: (error as TemplateSyntaxError).line };
    }
    throw new Error('compiled');
  };

  it('lets every shipped template and partial through (loadDefaultTemplates compiled them all)', () => {
    expect(engine).toBeDefined();
  });

  it('measures nesting from the text alone, skipping comments and else', () => {
    expect(prescanTemplate('{{!-- {{#if a}}{{#if b}} --}}\n{{#each a}}\n{{#if b}}{{^}}{{/if}}{{/each}}\n{{#x}}{{/x}}')).toEqual({ depth: 2, heaviestLine: 2 });
  });

  it.each([
    ['1,100 nested {{#if}}', `a\n\n${'{{#if x}}'.repeat(1100)}x${'{{/if}}'.repeat(1100)}`, /nested more than 8/, 3],
    ['six nested {{#each @root}}', `a\n${'{{#each @root}}'.repeat(6)}x${'{{/each}}'.repeat(6)}`, /each/, 2],
    ['nested sub-expressions', `a\n{{judul ${'(kalimat '.repeat(9)}unit.name${')'.repeat(9)}}}`, /nested more than 8/, 2],
    ['too many parts', `a\n${'{{a}}'.repeat(TEMPLATE_LIMITS.maxNodes + 1)}`, /parts/, 2],
    ['too long', `a\n${'x'.repeat(TEMPLATE_LIMITS.maxChars)}`, /longer/, 2],
    ['the log helper', 'a\n{{log "forged" level="error"}}', /log/, 2],
    ['log of @root', 'a\n{{log @root}}', /log/, 2],
    ['lookup', 'a\n{{lookup unit "name"}}', /lookup/, 2],
    ['with', 'a\n{{#with unit}}{{name}}{{/with}}', /with/, 2],
    ['an inline partial decorator', 'a\n{{#*inline "p"}}x{{/inline}}', /decorator/, 2],
    ['an unknown helper', 'a\n{{exec "ls"}}', /unknown helper/, 2],
  ])('refuses %s with its line', (_name, source, message, line) => {
    const refused = refusal(source);
    expect(refused.message).toMatch(message);
    expect(refused.line).toBe(line);
  });

  it('keeps if, unless, each and sections on fields', () => {
    expect(() => engine.compile('complaint/x', '{{#if unit.name}}{{#each complaint.stages}}{{label}}{{/each}}{{/if}}{{#unless url}}x{{/unless}}{{#complaint.quote}}q{{/complaint.quote}}', 0)).not.toThrow();
  });
});
