import { bodyShapeError, textError } from './body-shape';

describe('bodyShapeError', () => {
  it('refuses prototype keys and absurd nesting, naming where', () => {
    expect(bodyShapeError(JSON.parse('{"a": {"__proto__": {"x": 1}}}'))).toEqual({ field: 'a.__proto__', message: 'the key "__proto__" is not allowed' });
    expect(bodyShapeError({ list: [{ constructor: 1 }] })).toEqual({ field: 'list[0].constructor', message: 'the key "constructor" is not allowed' });
    expect(bodyShapeError(JSON.parse(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`))?.message).toMatch(/nested deeper/);
  });

  it('refuses NUL and other control characters and broken Unicode in any string or key (PostgreSQL answered NUL with a 500)', () => {
    expect(bodyShapeError({ summary: 'ab\u0000c' })).toEqual({ field: 'summary', message: 'must not contain control characters or broken Unicode' });
    expect(bodyShapeError({ stages: [{ label: 'x\u001b[31m' }] })?.field).toBe('stages[0].label');
    expect(bodyShapeError({ name: 'half \ud83d' })?.field).toBe('name');
    expect(bodyShapeError({ 'k\u0000': 'v' })?.field).toBe('(body)');
    expect(bodyShapeError('top\u0007')?.field).toBe('(body)');
  });

  it('accepts ordinary text: tabs, line breaks, emoji, Indonesian and RTL letters', () => {
    expect(bodyShapeError({ summary: 'Baris satu\r\nbaris\tdua 👮‍♀️🚓 — “kutipan” مرحبا', rating: 5, ok: true, none: null })).toBeNull();
    expect(textError('Rp 1.250.000')).toBeNull();
  });
});
