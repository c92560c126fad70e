'use strict';
// The baseline: the least any Node server can do to answer with these bytes. Whatever the app
// costs on top of this is framework, auth, database and logging.
const http = require('node:http');

/** Serves `body` (a Buffer) to every request with the given headers; returns { port, baseUrl, close }. */
function startBareServer(body, headers = { 'content-type': 'application/json; charset=utf-8' }) {
  const fixed = { ...headers, 'content-length': String(body.length) };
  const server = http.createServer((request, response) => {
    // Drain the request so keep-alive connections are reused exactly as with the app.
    request.resume();
    response.writeHead(200, fixed);
    response.end(body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        port,
        baseUrl: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}

module.exports = { startBareServer };
