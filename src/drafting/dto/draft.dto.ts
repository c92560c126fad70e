import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { CHANNELS, type Channel } from '../channels';

export class EditDraftDto {
  /** The website release's headline; other channels have none. */
  @IsOptional()
  @IsString()
  @MaxLength(300)
  title?: string;

  @IsString()
  @MinLength(1)
  @MaxLength(70_000)
  body: string;

  /** The revision this edit was made on: a newer one in between answers 409. */
  @IsInt()
  @Min(1)
  revision: number;

  /**
   * With a new website headline: put it also on the channels that show the headline (Facebook,
   * WhatsApp, Telegram) where their first line is still the old headline.
   */
  @IsOptional()
  @IsBoolean()
  carryHeadline?: boolean;
}

export class RegenerateDto {
  /** Only these channels (default: all). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  channels?: Channel[];

  /** Also replace channels a person has edited (their text stays in the revision history). */
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}
