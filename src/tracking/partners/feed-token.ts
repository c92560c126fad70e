import { createHash, randomBytes } from 'node:crypto';

/**
 * A partner's feed token: 32 random bytes in base64url (in the partner-feed URL). Stored as its
 * hex SHA-256 (looked up by the feed route) and sealed with SecretBox under the partner id (so
 * Humas can show it to the partner again).
 */
export function newFeedToken(): string {
  return randomBytes(32).toString('base64url');
}

export function feedTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The SecretBox context binding a sealed token to its partner row. */
export const feedTokenContext = (partnerId: string) => `partner-feed-token:${partnerId}`;
