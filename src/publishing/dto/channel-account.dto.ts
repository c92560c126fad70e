import { IsIn, IsObject, IsOptional, Matches } from 'class-validator';

export class PutChannelAccountDto {
  /** api: the channel's API; webhook: a signed POST to your own system; manual: an officer posts it. */
  @IsIn(['api', 'webhook', 'manual'])
  mode: 'api' | 'webhook' | 'manual';

  @IsOptional()
  @Matches(/^@?[A-Za-z0-9._-]{1,64}$/, { message: 'handle must be an account handle such as @polres_jaksel' })
  handle?: string;

  /**
   * Secrets for the mode (x: accessToken, refreshToken?; facebook: pageId, pageAccessToken;
   * instagram: igUserId, accessToken; tiktok: accessToken, refreshToken?; telegram: botToken,
   * chatId; webhook: url, secret). Write-only: never returned. In api mode they are verified
   * against the platform before they are stored (issue 21). Omitted on an update = keep the stored ones.
   */
  @IsOptional()
  @IsObject()
  credentials?: Record<string, string>;
}
