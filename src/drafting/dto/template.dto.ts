import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { UNIT_CODE } from '../../units/dto/unit.dto';
import { CHANNELS, STORY_KINDS } from '../channels';

export class PutTemplateDto {
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  body: string;

  /** The unit the override is for (it applies to the units below it too); omitted = global (admin only). */
  @IsOptional()
  @Matches(UNIT_CODE, { message: 'unitCode must be a unit code' })
  unitCode?: string;
}

export class PreviewTemplateDto {
  @IsIn(STORY_KINDS)
  kind: (typeof STORY_KINDS)[number];

  @IsIn(CHANNELS)
  channel: (typeof CHANNELS)[number];

  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  body: string;

  /** Render against this story (in scope); omitted = the built-in sample stories. */
  @IsOptional()
  @IsUUID()
  storyId?: string;
}
