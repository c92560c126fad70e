import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination';
import { UNIT_CODE } from '../../units/dto/unit.dto';

export const STORY_STATUSES = ['draft', 'in_review', 'approved', 'published', 'rejected', 'withdrawn'] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

export class StoryQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(STORY_STATUSES)
  status?: StoryStatus;

  /** A unit and every unit below it (within the caller's scope). */
  @IsOptional()
  @Matches(UNIT_CODE, { message: 'unitCode must be a unit code' })
  unitCode?: string;

  @IsOptional()
  @IsIn(['complaint', 'feedback', 'achievement'])
  kind?: string;

  /** "true": only stories waiting in review past their unit's limit. */
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: string;

  /**
   * Words searched in the title and every draft of a story: each word matches as a prefix, all
   * must match. Punctuation only separates words, so any input is a valid search.
   */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
