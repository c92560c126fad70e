import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDate, IsIn, IsOptional, IsString, IsUrl, Matches, MaxLength, MinLength } from 'class-validator';
import { CHANNELS, type Channel } from '../../drafting/channels';
import { INSTANT_MESSAGE, toDate } from '../../intake/dto/common.dto';
import { UNIT_CODE } from '../../units/dto/unit.dto';

export class ScheduleDto {
  /** Default: every approved channel. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  channels?: Channel[];

  /** When to publish (UTC instant; never before the embargo). Default: now. */
  @IsOptional()
  @Transform(toDate)
  @IsDate({ message: `at ${INSTANT_MESSAGE}` })
  at?: Date;
}

export class ConfirmDto {
  /** Where the post can be seen. Required except for WhatsApp, whose group messages have no address. */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be the http(s) address of the post' })
  @MaxLength(2000)
  url?: string;

  /** The group or account it went to ("Grup RT 05 Gunung"): for WhatsApp, the group's name. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  target?: string;
}

export class RescheduleDto {
  /** The new time (UTC instant; never before the story's embargo). */
  @Transform(toDate)
  @IsDate({ message: `at ${INSTANT_MESSAGE}` })
  at: Date;
}

export class RemovedDto {
  /** The external post ticked off as deleted: `publication:<id>` or `post:<id>` from GET .../external-posts. */
  @Matches(/^(post|publication):[0-9a-fA-F-]{36}$/, { message: 'key must be a key from the list of external posts' })
  key: string;
}

export class PauseDto {
  @IsString()
  @MinLength(5)
  @MaxLength(1000)
  reason: string;

  /** Pause this unit and the units below it; omitted = everywhere (admin only). */
  @IsOptional()
  @Matches(UNIT_CODE, { message: 'unitCode must be a unit code' })
  unitCode?: string;
}

export class ResumeDto {
  @IsOptional()
  @Matches(UNIT_CODE, { message: 'unitCode must be a unit code' })
  unitCode?: string;
}
