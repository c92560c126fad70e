'use strict';
// The contract between a *.bench.js file and run-all.js: the benchmark returns rows, this prints
// them as one JSON line (the last line on stdout). Progress goes to stderr so stdout stays parseable.
// Clean-ups (servers, databases) run in reverse order on success, failure and Ctrl-C alike.

const cleanups = [];

async function runCleanups() {
  while (cleanups.length) {
    const fn = cleanups.pop();
    try {
      await fn();
    } catch (error) {
      process.stderr.write(`clean-up failed: ${error?.message ?? error}\n`);
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => void runCleanups().finally(() => process.exit(130)));
}

/** `main(defer, log)` returns the rows; `defer(fn)` registers a clean-up. */
function runBench(name, main) {
  const log = (line) => process.stderr.write(`[${name}] ${line}\n`);
  const defer = (fn) => cleanups.push(fn);
  main(defer, log)
    .then(async (rows) => {
      await runCleanups();
      process.stdout.write(`${JSON.stringify({ rows })}\n`);
      process.exit(0);
    })
    .catch(async (error) => {
      log(`FAILED: ${error?.stack ?? error}`);
      await runCleanups();
      process.exit(1);
    });
}

const int = (n) => Math.round(n).toLocaleString('en-US');
// autocannon records latency in whole milliseconds, so 0 means "under 1 ms".
const ms = (n) => (n < 1 ? '<1 ms' : `${Math.round(n)} ms`);
const us = (n) => `${Math.round(n).toLocaleString('en-US')} µs`;
const ratio = (ours, baseline) => (baseline > 0 ? `${(ours / baseline).toFixed(2)}x` : 'n/a');

module.exports = { runBench, fmt: { int, ms, us, ratio } };
