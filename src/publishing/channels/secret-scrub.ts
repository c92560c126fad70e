/**
 * Removes credentials from text that may end up in an outcome reason, a log line or an API
 * answer: the known secret values themselves (raw and URL-encoded), and, as a second line of
 * defence, anything shaped like a token in a URL or header.
 */
const TOKEN_SHAPES: readonly [RegExp, string][] = [
  [/\/bot\d+:[\w-]+/g, '/bot[redacted]'],
  [/(access_token=)[^&\s"']+/gi, '$1[redacted]'],
  // OAuth parameters and token answers (issue 21): refresh tokens, client secrets, codes and verifiers
  [/(\b(?:refresh_token|client_secret|code_verifier|fb_exchange_token|input_token|code)=)[^&\s"']+/gi, '$1[redacted]'],
  [/("(?:access_token|refresh_token|accessToken|refreshToken|pageAccessToken|botToken|client_secret|code_verifier)"\s*:\s*")[^"]*"/g, '$1[redacted]"'],
  [/(\bbasic\s+)[A-Za-z0-9+/]{16,}=*/gi, '$1[redacted]'],
  [/(bearer\s+)[\w.~+/-]+=*/gi, '$1[redacted]'],
];

/** Short values (a chat id like "-1", "on") would blank out ordinary words; real secrets are longer. */
const MIN_SECRET_LENGTH = 6;

/** Longest reason kept: enough for an API's error message, not a whole HTML error page. */
export const MAX_REASON_LENGTH = 300;

export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    out = out.split(secret).join('[redacted]');
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) out = out.split(encoded).join('[redacted]');
  }
  for (const [shape, replacement] of TOKEN_SHAPES) out = out.replace(shape, replacement);
  return out;
}

/** A reason safe to store and show: scrubbed, on one line, bounded. */
export function safeReason(text: string, secrets: readonly string[]): string {
  const line = scrubSecrets(text, secrets).replace(/\s+/g, ' ').trim();
  return line.length > MAX_REASON_LENGTH ? `${line.slice(0, MAX_REASON_LENGTH - 1)}…` : line;
}
