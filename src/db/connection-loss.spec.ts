import { isConnectionLoss } from './connection-loss';

describe('isConnectionLoss', () => {
  it.each([
    [Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }), true],
    [new Error('Connection terminated unexpectedly'), true],
    [Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), true],
    // the next query of a transaction whose connection died (TypeORM released its query runner)
    [Object.assign(new Error('Database connection provided by a query runner was already released, cannot continue to use its querying methods anymore.'), { name: 'QueryRunnerProviderAlreadyReleasedError' }), true],
    [new Error('Cannot read properties of undefined'), false],
    [Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }), false],
    [null, false],
  ])('%p -> %p', (error, expected) => {
    expect(isConnectionLoss(error)).toBe(expected);
  });
});
