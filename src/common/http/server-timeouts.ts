import type { Server } from 'node:http';

/**
 * Timeouts for running behind a load balancer. Node keeps an idle connection 5 s by default,
 * shorter than common balancers' idle timeout (60 s): the balancer then reuses a connection the
 * server is closing at that moment and answers 502 or resets. The server's keep-alive must
 * outlast the balancer's (HTTP_KEEP_ALIVE_TIMEOUT_MS, 65 s by default), and headersTimeout must
 * exceed keepAliveTimeout (HTTP_HEADERS_TIMEOUT_MS, 66 s).
 */
export function applyServerTimeouts(server: Server, timeouts: { httpKeepAliveTimeoutMs: number; httpHeadersTimeoutMs: number }): void {
  server.keepAliveTimeout = timeouts.httpKeepAliveTimeoutMs;
  server.headersTimeout = timeouts.httpHeadersTimeoutMs;
}
