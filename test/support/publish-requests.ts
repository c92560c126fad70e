import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Channel } from '../../src/drafting/channels';
import type { ChannelMode, PublishOutcome, PublishRequest } from '../../src/publishing/channels/channel-provider';
import type { ChannelSettings } from '../../src/publishing/channels/channel-settings';

/** A 2x2 JPEG, fixed bytes (sharp belongs to src/media only). */
export const TINY_JPEG = Buffer.from(
  '/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAACAAIDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABQb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCdAHrB/9k=',
  'base64',
);

/** Writes TINY_JPEG to a temporary file and returns its path. */
export function tinyJpegFile(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gaung-channel-')), 'landscape.jpg');
  fs.writeFileSync(file, TINY_JPEG);
  return file;
}

/** Short timeouts so that a fake that never answers ends a test in well under a second. */
export function testChannelSettings(base: string, overrides: Partial<ChannelSettings> = {}): ChannelSettings {
  return { xApiBaseUrl: base, graphApiBaseUrl: `${base}/v21.0`, telegramApiBaseUrl: base, tiktokApiBaseUrl: base, tiktokDirectPost: false, timeoutMs: 400, connectTimeoutMs: 300, webhookAllowHosts: ['127.0.0.1'], ...overrides };
}

export const PHOTO_URL = 'https://humas.example.go.id/media/9b1c/landscape.jpg';

/** A publication of a story to one channel, with or without a photo. */
export function publishRequest(
  channel: Channel,
  account: { mode?: ChannelMode; handle?: string | null; credentials: Record<string, string> },
  options: { photoFile?: string | null; withPhoto?: boolean; text?: string; title?: string | null } = {},
): PublishRequest {
  const withPhoto = options.withPhoto ?? options.photoFile !== undefined;
  return {
    publicationId: '0f8e2a8c-5a51-4c1e-9d0b-7d5c2f0e1a01',
    storyId: '6b1d7c3e-2f4a-4b8e-8c6d-1a2b3c4d5e6f',
    channel,
    unit: { code: 'POLRES-JAKSEL', name: 'Polres Metro Jakarta Selatan' },
    title: options.title === undefined ? 'Motor curian kembali ke pemiliknya' : options.title,
    text: options.text ?? 'Unit Reskrim Polres Metro Jakarta Selatan mengembalikan sepeda motor curian kepada pemiliknya. #PolriPresisi',
    url: 'https://humas.example.go.id/rilis/motor-curian-kembali',
    media: withPhoto ? [{ url: PHOTO_URL, file: options.photoFile ?? null, alt: 'Petugas menyerahkan kunci motor', mimeType: 'image/jpeg' }] : [],
    account: { mode: account.mode ?? 'api', handle: account.handle ?? null, credentials: account.credentials },
  };
}

/**
 * No credential value appears in an outcome: none at all in its reason, and in the whole outcome
 * none but the public identifiers named (a Facebook post id starts with its Page id).
 */
export function expectNoCredentials(outcome: PublishOutcome, credentials: Record<string, string>, publicFields: string[] = []): void {
  const whole = JSON.stringify(outcome);
  const reason = 'reason' in outcome ? outcome.reason : '';
  for (const [field, value] of Object.entries(credentials)) {
    expect(reason).not.toContain(value);
    if (!publicFields.includes(field)) expect(whole).not.toContain(value);
  }
}
