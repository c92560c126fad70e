import type { ChannelProvider, PublishOutcome, PublishRequest } from './channel-provider';
import { safeReason } from './secret-scrub';

/**
 * The shared frame of the providers that call an external API: checks that the account holds
 * the credentials the API needs, and keeps `publish` from ever throwing. An exception escaping a
 * provider is a bug whose moment is unknown (perhaps after the post went out), so it is reported
 * as an unknown outcome: a person checks, nothing is posted twice.
 */
export abstract class ApiChannelProvider implements ChannelProvider {
  /** Names the provider in reasons ('x', 'webhook'). */
  protected abstract readonly label: string;
  /** Credential fields the account must hold (names only ever appear in reasons, never values). */
  protected abstract readonly requiredCredentials: readonly string[];

  async publish(request: PublishRequest, signal: AbortSignal): Promise<PublishOutcome> {
    const missing = this.requiredCredentials.filter((name) => !request.account.credentials[name]);
    if (missing.length > 0) return { kind: 'refused', reason: `${this.label}: the account has no ${missing.join(', ')} in its credentials` };
    try {
      return await this.post(request, signal);
    } catch (error) {
      const what = error instanceof Error ? error.message : String(error);
      return { kind: 'unknown', reason: safeReason(`${this.label}: unexpected error: ${what}`, secretsOf(request)) };
    }
  }

  /** Posts once; resolves with the outcome. */
  protected abstract post(request: PublishRequest, signal: AbortSignal): Promise<PublishOutcome>;
}

/**
 * A look-up that could not tell whether the post exists (the API failed or refused). Distinct
 * from "not found" (null): the publication must stay unconfirmed, never be re-sent on this.
 */
export class LookupFailedError extends Error {
  readonly code = 'lookup_failed';
  constructor(reason: string) {
    super(reason);
    this.name = 'LookupFailedError';
  }
}

/** Every credential value of the account: all are kept out of reasons, whatever their role. */
export function secretsOf(request: PublishRequest): string[] {
  return Object.values(request.account.credentials).filter((value) => typeof value === 'string' && value !== '');
}

/** A string id from an answer field (APIs send ids as strings; numbers are accepted and turned into text). */
export function idFrom(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return null;
}

/** The account handle without its leading @, or null. */
export function bareHandle(handle: string | null): string | null {
  const bare = handle?.trim().replace(/^@/, '');
  return bare ? bare : null;
}
