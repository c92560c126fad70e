'use strict';
// Small fetch wrappers for the set-up steps of a benchmark (not for the measured load).

async function expectOk(response, what) {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
  return response;
}

/** Logs in and returns the bearer token. */
async function login(baseUrl, username, password) {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  await expectOk(response, `login as ${username}`);
  const { token } = await response.json();
  if (!token) throw new Error(`login as ${username}: no token in the answer`);
  return token;
}

/** One GET, returning the exact bytes and headers (so a baseline can replay them). */
async function fetchBytes(url, headers = {}) {
  const response = await expectOk(await fetch(url, { headers }), `GET ${url}`);
  return { status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) };
}

module.exports = { login, fetchBytes };
