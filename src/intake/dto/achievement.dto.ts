import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDate, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { INSTANT_MESSAGE, RequiredGroup, toDate, UnitScopedDto } from './common.dto';

export const ACTIVITY_TYPES = [
  'anev', 'pelatihan', 'pelayanan', 'pengamanan', 'bakti_sosial', 'patroli', 'penegakan_hukum', 'sosialisasi', 'penghargaan', 'lainnya',
] as const;

/** An officer named in a release (a public official, not a citizen). */
export class OfficerDto {
  @IsOptional() @IsString() @MaxLength(40) rank?: string;
  @IsString() @MinLength(1) @MaxLength(120) name: string;
  @IsOptional() @IsString() @MaxLength(160) position?: string;
}

/** A participant; the commander marks the one who led the activity (at most one). */
export class ParticipantDto extends OfficerDto {
  /** This officer led the activity: the release says "dipimpin oleh" them, and no one else. */
  @IsOptional() @IsBoolean() led?: boolean;
}

export class AchievementQuoteDto {
  @RequiredGroup('speaker')
  @ValidateNested()
  @Type(() => OfficerDto)
  speaker: OfficerDto;

  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  text: string;
}

export class AchievementLocationDto {
  @IsString() @MinLength(1) @MaxLength(160) place: string;
  @IsString() @MinLength(1) @MaxLength(100) city: string;
}

/** A unit's achievement or activity submitted by its commander. */
export class CreateAchievementDto extends UnitScopedDto {
  @IsString() @MinLength(3) @MaxLength(200) title: string;

  @IsIn(ACTIVITY_TYPES)
  activityType: (typeof ACTIVITY_TYPES)[number];

  @Transform(toDate)
  @IsDate({ message: `happenedAt ${INSTANT_MESSAGE}` })
  happenedAt: Date;

  @RequiredGroup('location')
  @ValidateNested()
  @Type(() => AchievementLocationDto)
  location: AchievementLocationDto;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ParticipantDto)
  participants?: ParticipantDto[];

  @IsString() @MinLength(1) @MaxLength(8000) narrative: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => AchievementQuoteDto)
  quotes?: AchievementQuoteDto[];
}
