'use strict';
// A throwaway PostgreSQL database per benchmark run, so figures never depend on leftovers
// from earlier runs and nothing is left behind on the server.
const { randomBytes } = require('node:crypto');
const { Client } = require('pg');

const ADMIN_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

async function adminQuery(sql) {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates gaung_bench_<random>; returns its url and drop() (FORCE: the app may still hold connections). */
async function createBenchDatabase() {
  const name = `gaung_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** The server's version string, for the record (figures on PG 15 and 17 are not comparable). */
async function serverVersion() {
  const { rows } = await adminQuery('SHOW server_version');
  return rows[0].server_version;
}

module.exports = { createBenchDatabase, serverVersion, ADMIN_URL };
