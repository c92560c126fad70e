'use strict';
// One way to load a server, used identically for the app and its baseline so their figures
// can be compared. The warm-up lets V8 optimise and pools fill before anything is counted.
const autocannon = require('autocannon');

const DEFAULTS = {
  connections: 20,
  // BENCH_DURATION / BENCH_WARMUP (seconds) shorten a run while working on the harness itself.
  duration: Number(process.env.BENCH_DURATION || 10),
  warmup: Number(process.env.BENCH_WARMUP || 2),
};

function run(options) {
  return autocannon(options);
}

/**
 * Warms up, then measures. Returns { reqPerSec, p50, p99, requests, cpuPerRequest }.
 * Throws when any request failed: a fast stream of errors is not a throughput figure.
 */
async function measure({ url, method = 'GET', headers = {}, body, server, ...rest }) {
  const options = { ...DEFAULTS, ...rest };
  const base = { url, method, headers, body, connections: options.connections, pipelining: 1 };
  // `requests` lets a benchmark vary each request (e.g. a new externalRef per complaint).
  if (options.requests) base.requests = options.requests;
  if (options.warmup > 0) await run({ ...base, duration: options.warmup });
  const cpuBefore = server ? await server.cpu() : 0;
  const result = await run({ ...base, duration: options.duration });
  const cpuAfter = server ? await server.cpu() : 0;
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) {
    throw new Error(`${method} ${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts out of ${result.requests.total}`);
  }
  return {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    // Server CPU per answered request (µs), when `server` (from spawnServer) was given.
    cpuPerRequest: server ? (cpuAfter - cpuBefore) / result.requests.total : undefined,
    connections: options.connections,
    duration: options.duration,
  };
}

module.exports = { measure, DEFAULTS };
