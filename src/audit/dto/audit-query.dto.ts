import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumberString, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

export class AuditQueryDto {
  @IsOptional()
  @IsIn(['unit', 'user', 'auth', 'api_token', 'story', 'complaint', 'feedback', 'achievement', 'media', 'publication', 'partner', 'template', 'system', 'channel_account', 'job'])
  subjectType?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  subjectId?: string;

  @IsOptional()
  @IsUUID()
  actorId?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @IsOptional()
  @IsNumberString({ no_symbols: true })
  beforeSeq?: string;
}
