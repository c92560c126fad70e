/**
 * The reliability suite (`npm run test:reliability`): the project's Jest setup, but only the
 * *.reliability.ts files here. They are not *.spec.ts, so `npm test` never runs them: they start
 * processes, load the machine and take minutes.
 */
const base = require('../../jest.config.js');

module.exports = {
  ...base,
  rootDir: require('node:path').resolve(__dirname, '..', '..'),
  testMatch: ['<rootDir>/test/reliability/**/*.reliability.ts'],
  testTimeout: 240_000,
  // one file at a time: the load and fault files must not compete for the 2 cores
  maxWorkers: 1,
  // app processes and HTTP keep-alive sockets of a failed test must not hold CI up
  forceExit: true,
};
