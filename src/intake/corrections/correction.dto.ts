import { OmitType, PickType } from '@nestjs/swagger';
import { CreateAchievementDto } from '../dto/achievement.dto';
import { CreateComplaintDto } from '../dto/complaint.dto';

/**
 * What the author of a rejected complaint may correct: the facts of the report, with the same
 * rules as intake. The report number and unit are its identity; the complainant's contact data
 * and consent were recorded with the citizen and are not rewritten by a correction.
 */
export class CorrectComplaintDto extends PickType(CreateComplaintDto, [
  'category', 'channel', 'receivedAt', 'resolvedAt', 'location', 'summary', 'resolution', 'stages', 'quote',
] as const) {}

/** What the author of a rejected achievement may correct: everything but its unit and photos (those are the story's, on the story page). */
export class CorrectAchievementDto extends OmitType(CreateAchievementDto, ['unitCode', 'mediaIds'] as const) {}
