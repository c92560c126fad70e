import { chooseVariant, emptyVariantMemory, pickVariant } from './variants';

describe('chooseVariant', () => {
  it('keeps the hash pick without memory, and records what it chose', () => {
    const memory = emptyVariantMemory();
    expect(chooseVariant('s1', 'complaint-headline-curanmor', 4, memory)).toBe(pickVariant('s1', 'complaint-headline-curanmor', 4));
    expect(memory.chosen['complaint-headline-curanmor']).toBe(pickVariant('s1', 'complaint-headline-curanmor', 4));
  });

  it('moves past the variants the unit used in its last count - 1 stories', () => {
    const name = 'complaint-headline-curanmor';
    const pick = pickVariant('s2', name, 4);
    const recent = [{ [name]: pick }, { [name]: (pick + 1) % 4 }, { [name]: (pick + 2) % 4 }];
    expect(chooseVariant('s2', name, 4, { own: {}, recent, chosen: {} })).toBe((pick + 3) % 4);
    // an older story (beyond count - 1) no longer counts
    expect(chooseVariant('s2', name, 4, { own: {}, recent: [{}, {}, {}, { [name]: pick }], chosen: {} })).toBe(pick);
  });

  it('keeps the story\'s own earlier choice on regeneration', () => {
    expect(chooseVariant('s3', 'x', 5, { own: { x: 2 }, recent: [{ x: 2 }], chosen: {} })).toBe(2);
    expect(chooseVariant('s3', 'x', 2, { own: { x: 7 }, recent: [], chosen: {} })).toBe(pickVariant('s3', 'x', 2));
  });
});
