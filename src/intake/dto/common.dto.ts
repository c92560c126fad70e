import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsDate, IsDefined, IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import { UNIT_CODE } from '../../units/dto/unit.dto';

export const CONSENT_LEVELS = ['none', 'anonymous', 'initials', 'name'] as const;
export type ConsentLevel = (typeof CONSENT_LEVELS)[number];

/**
 * Strict ISO 8601 instants with a zone ("2026-10-25T09:40:00Z" or "+07:00"), turned into Dates.
 * A local time without offset is refused: the unit's zone is not the server's.
 */
export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
export const toDate = ({ value }: { value: unknown }) =>
  typeof value === 'string' && ISO_INSTANT.test(value) && onTheCalendar(value) && !Number.isNaN(Date.parse(value)) ? new Date(value) : value;

/** Date.parse rolls "2026-02-30" over to 2 March: the written day, hour and minute must exist as written. */
function onTheCalendar(value: string): boolean {
  const [year, month, day, hour, minute, second = 0] = value.split(/[-T:.Z+]/).slice(0, 6).map(Number);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  return calendar.getUTCFullYear() === year && calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
}
/**
 * A group of fields that must be there (location, complainant, consent...). @ValidateNested alone
 * lets a missing group through (class-validator skips undefined), which left the services to
 * fail on it with a TypeError (500): now it is a 400 naming the group.
 */
export const RequiredGroup = (name: string) =>
  applyDecorators(IsDefined({ message: `${name} is required` }), ObjectWhenGiven({ message: `${name} must be an object` }));

/** An object (not an array) when there is a value at all: a missing group is IsDefined's to report, once. */
const ObjectWhenGiven = (options: ValidationOptions) => ValidateBy({
  name: 'isObject',
  validator: { validate: (value: unknown) => value === undefined || value === null || (typeof value === 'object' && !Array.isArray(value)) },
}, options);

export const INSTANT_MESSAGE = 'must be an ISO 8601 date-time with a zone, e.g. 2026-10-25T09:40:00Z';

export class ConsentDto {
  /** What may be published about the person: name, initials, or nothing (anonymous/none). */
  @IsIn(CONSENT_LEVELS)
  level: ConsentLevel;

  /** Whether the person's own words may be quoted. */
  @IsBoolean()
  quote: boolean;

  /** When consent was given; defaults to when the item was received. */
  @IsOptional()
  @Transform(toDate)
  @IsDate({ message: `givenAt ${INSTANT_MESSAGE}` })
  givenAt?: Date;

  /** How it was given (e.g. "WhatsApp reply", "signed form"); defaults to the intake channel. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  method?: string;
}

/** A citizen: their data is stored apart and never published beyond what consent allows. */
export class CitizenDto {
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name: string;

  @IsOptional()
  @Matches(/^\+?[0-9][0-9 ().-]{6,22}$/, { message: 'phone must be a phone number such as 0812-8877-1234' })
  phone?: string;

  @IsOptional()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string;
}

export class UnitScopedDto {
  @Matches(UNIT_CODE, { message: 'unitCode must be a unit code such as POLSEK-KEBAYORAN-BARU' })
  unitCode: string;

  /** Photos uploaded beforehand (POST /media) to attach. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true, message: 'each mediaIds entry must be a media id (UUID)' })
  mediaIds?: string[];
}
