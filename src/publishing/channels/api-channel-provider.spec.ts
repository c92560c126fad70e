import { publishRequest } from '../../../test/support/publish-requests';
import { ApiChannelProvider } from './api-channel-provider';
import type { PublishOutcome, PublishRequest } from './channel-provider';

/** A provider whose post step throws, as a bug would, with a credential in the message. */
class ThrowingProvider extends ApiChannelProvider {
  protected readonly label = 'broken';
  protected readonly requiredCredentials = ['token'];

  protected async post(request: PublishRequest): Promise<PublishOutcome> {
    throw new Error(`cannot read property of undefined near ${request.account.credentials.token}`);
  }
}

describe('ApiChannelProvider', () => {
  it('turns an exception into an unknown outcome (it may have happened after the post), without credentials', async () => {
    const request = publishRequest('x', { credentials: { token: 'tok-0123456789-secret' } });
    const outcome = await new ThrowingProvider().publish(request, new AbortController().signal);
    expect(outcome).toEqual({ kind: 'unknown', reason: 'broken: unexpected error: cannot read property of undefined near [redacted]' });
  });

  it('refuses before calling anything when a credential is missing, naming it', async () => {
    const outcome = await new ThrowingProvider().publish(publishRequest('x', { credentials: {} }), new AbortController().signal);
    expect(outcome).toEqual({ kind: 'refused', reason: 'broken: the account has no token in its credentials' });
  });
});
