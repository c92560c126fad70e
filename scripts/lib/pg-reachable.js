'use strict';
// Whether a PostgreSQL server answers at `url` (the test runners decide between the real server
// and the embedded fallback with it). Says why not, with the credentials of the URL masked.
const { Client } = require('pg');

async function reachable(url) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    process.stderr.write(`PostgreSQL not reachable at ${url.replace(/\/\/[^@]*@/, '//***@')}: ${error.message}\n`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

module.exports = { reachable };
