'use strict';
// Runs a server (the app or a bare baseline) in its own process. The load generator then lives
// in the parent, so on a 2-core machine client and server each get a core, and both servers
// under comparison are measured in exactly the same arrangement.
const { fork } = require('node:child_process');

/** Parent side: starts the child, resolves { port, baseUrl, stop } once it listens. */
function spawnServer(spec) {
  const child = fork(__filename, [], { stdio: ['ignore', 2, 2, 'ipc'], serialization: 'advanced' });
  return new Promise((resolve, reject) => {
    const failed = (error) => reject(error instanceof Error ? error : new Error(`server child (${spec.kind}) exited with ${error}`));
    child.once('exit', failed);
    child.once('message', (message) => {
      if (message.error) return reject(new Error(`server child (${spec.kind}): ${message.error}`));
      child.off('exit', failed);
      const stop = () => new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.send({ stop: true });
        // A server that does not close in time must not hold the run (or the database) hostage.
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      });
      // CPU time the server used so far (µs): it moves less than req/s when other work shares the machine.
      const cpu = () => new Promise((done) => {
        child.once('message', (reply) => done(reply.cpu.user + reply.cpu.system));
        child.send({ cpu: true });
      });
      resolve({ port: message.port, baseUrl: `http://127.0.0.1:${message.port}`, pid: child.pid, stop, cpu });
    });
    child.send(spec);
  });
}

/** Child side: `spec` is { kind: 'app', databaseUrl, env } or { kind: 'bare', body, headers }. */
async function serve(spec) {
  if (spec.kind === 'app') return require('./app').bootApp(spec.databaseUrl, spec.env);
  if (spec.kind === 'bare') return require('./bare-server').startBareServer(Buffer.from(spec.body), spec.headers);
  throw new Error(`unknown server kind ${spec.kind}`);
}

if (require.main === module) {
  // If the parent dies, nobody would ever stop us: leave with it.
  process.on('disconnect', () => process.exit(0));
  process.once('message', async (spec) => {
    let server;
    try {
      server = await serve(spec);
    } catch (error) {
      process.send({ error: error?.stack ?? String(error) });
      return process.exit(1);
    }
    process.send({ port: server.port });
    process.on('message', async (message) => {
      if (message.cpu) return process.send({ cpu: process.cpuUsage() });
      if (!message.stop) return;
      await server.close().catch(() => {});
      process.exit(0);
    });
  });
}

module.exports = { spawnServer };
