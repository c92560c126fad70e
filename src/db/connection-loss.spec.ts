import { isConnectionLoss } from './connection-loss';

describe('isConnectionLoss', () => {
  it.each([
    [Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }), true],
    [new Error('Connection terminated unexpectedly'), true],
    [Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), true],
    [new Error('Cannot read properties of undefined'), false],
    [Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }), false],
    [null, false],
  ])('%p -> %p', (error, expected) => {
    expect(isConnectionLoss(error)).toBe(expected);
  });
});
