import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsDate, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { CHANNELS, type Channel } from '../../drafting/channels';
import { INSTANT_MESSAGE, toDate } from '../../intake/dto/common.dto';

export class ApproveDto {
  /** Channels to publish; the others are left out (default: every channel). */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  channels?: Channel[];

  /** Approve despite lint errors; needs a reason, which is audited and shown on the story. */
  @IsOptional()
  @IsBoolean()
  override?: boolean;

  /** Publish at once on this officer's approval alone; a second approval must follow. */
  @IsOptional()
  @IsBoolean()
  urgent?: boolean;

  /**
   * Embargo: nothing goes out before this instant (ISO 8601 with a zone, in the future). Media
   * partners' feeds carry the release at once, marked with it; the press room and public feeds
   * only once it has passed and the release is published.
   */
  @IsOptional()
  @Transform(toDate)
  @IsDate({ message: `embargoUntil ${INSTANT_MESSAGE}` })
  embargoUntil?: Date;

  @ValidateIf((dto: ApproveDto) => dto.override === true || dto.urgent === true || dto.reason !== undefined)
  @IsString()
  @MinLength(5, { message: 'reason must explain the override or urgency (at least 5 characters)' })
  @MaxLength(1000)
  reason?: string;
}

export class RequiredReasonDto {
  @IsString()
  @MinLength(5, { message: 'reason must be at least 5 characters' })
  @MaxLength(1000)
  reason: string;
}

export class CommentDto {
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  body: string;
}
