import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  APPROVAL_POLICIES,
  type ApprovalPolicy,
  UNIT_LEVELS,
  UNIT_TIMEZONES,
  type UnitLevel,
  type UnitTimezone,
} from '../unit.entity';

export const UNIT_CODE = /^[A-Z0-9][A-Z0-9-]{1,63}$/;
const HANDLE = /^@?[A-Za-z0-9._-]{1,64}$/;
const HANDLE_MESSAGE = 'must be an account handle such as @polres_jaksel';
const HASHTAG = /^#[\p{L}\p{N}_]{1,60}$/u;

/** Verified social accounts of a unit; used for mentions in posts. */
export class UnitHandlesDto {
  @IsOptional() @Matches(HANDLE, { message: HANDLE_MESSAGE }) instagram?: string;
  @IsOptional() @Matches(HANDLE, { message: HANDLE_MESSAGE }) x?: string;
  @IsOptional() @Matches(HANDLE, { message: HANDLE_MESSAGE }) facebook?: string;
  @IsOptional() @Matches(HANDLE, { message: HANDLE_MESSAGE }) tiktok?: string;
  @IsOptional() @Matches(HANDLE, { message: HANDLE_MESSAGE }) youtube?: string;
}

export class CreateUnitDto {
  @ApiProperty({ example: 'POLSEK-KEBAYORAN-BARU' })
  @Matches(UNIT_CODE, { message: 'code must be 2-64 capital letters, digits or dashes, e.g. POLSEK-KEBAYORAN-BARU' })
  code: string;

  @ApiProperty({ example: 'Polsek Kebayoran Baru' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @IsIn(UNIT_LEVELS)
  level: UnitLevel;

  /** The parent unit's code; required for every level but polda. */
  @IsOptional()
  @Matches(UNIT_CODE, { message: 'parentCode must be a unit code' })
  parentCode?: string;

  /** City for datelines ("JAKARTA SELATAN - ..."). */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  city: string;

  @IsIn(UNIT_TIMEZONES)
  timezone: UnitTimezone;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => UnitHandlesDto)
  handles?: UnitHandlesDto;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(HASHTAG, { each: true, message: 'each hashtag must look like #PolriPresisi' })
  hashtags?: string[];

  /**
   * The unit's own published numbers (hotline, piket, WhatsApp): drafts may carry them, and the
   * privacy masker and publish gate never take them for a citizen's.
   */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(/^\+?[0-9][0-9 ().-]{2,22}$/, { each: true, message: 'each public number must be a phone number such as 0812-8877-1234 or 110' })
  publicNumbers?: string[];

  @IsOptional()
  @IsIn(APPROVAL_POLICIES)
  approvalPolicy?: ApprovalPolicy;

  /** Hours a story may wait in review before it is overdue. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(720)
  reviewSlaHours?: number;
}

export class UpdateUnitDto extends PartialType(OmitType(CreateUnitDto, ['code', 'level', 'parentCode'] as const)) {}
