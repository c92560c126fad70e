/**
 * Every field that enters through intake, media or partner bodies, classified in one place
 * (issue 16). A field is either masked at intake before anything is stored, or it is never
 * publishable; a test (field-classes.spec.ts) fails when one of these DTOs gains a field that is
 * not listed here, so a new free-text field cannot slip past the masker unnoticed.
 *
 * The intake services take their lists of fields to mask from here (fieldsOf).
 */
import { AchievementLocationDto, AchievementQuoteDto, CreateAchievementDto, OfficerDto, ParticipantDto } from '../dto/achievement.dto';
import { CitizenDto, ConsentDto, UnitScopedDto } from '../dto/common.dto';
import { ComplainantDto, ComplaintLocationDto, CreateComplaintDto, StageDto } from '../dto/complaint.dto';
import { CreateFeedbackDto } from '../dto/feedback.dto';
import { ReasonDto } from '../dto/reopen.dto';
import { CorrectAchievementDto, CorrectComplaintDto } from '../corrections/correction.dto';
import { BlurDto, QuoteCardDto, RectDto, UploadMediaDto } from '../../media/dto/media.dto';
import { PartnerDto } from '../../tracking/partners/dto/partner.dto';
import { CreateIntegrationDto, WebhookEnvelopeDto } from '../webhook/integration.dto';

export type FieldClass =
  /** Written by operators or citizens; masked at intake (detectors and the story's citizens); may be published. */
  | 'free_text'
  /** A citizen's own words; masked at intake with names as placeholders, so a sentence that needed a mask is left out. */
  | 'quote'
  /** Free text that is masked at intake and never published (how consent was given, why something was reopened). */
  | 'internal_text'
  /** The citizen's own identity or contact: stored only in citizen_contact, never published, erased after retention. */
  | 'personal'
  /** A public official named by position and rank (achievements): published as written. */
  | 'officer'
  /** A value checked against a fixed list or pattern (enums, unit codes, references, URLs, ids, dates, numbers, flags). */
  | 'checked'
  /** About an organisation, not a citizen (a partner outlet, an integration): never published. */
  | 'organisation'
  /** A nested object whose own fields are classified under its class. */
  | 'nested';

type Classes = Record<string, FieldClass>;

/** Per DTO class, every property it declares or inherits. */
export const FIELD_CLASSES = new Map<new () => object, Classes>([
  [UnitScopedDto, { unitCode: 'checked', mediaIds: 'checked' }],
  [ConsentDto, { level: 'checked', quote: 'checked', givenAt: 'checked', method: 'internal_text' }],
  [CitizenDto, { name: 'personal', phone: 'personal', email: 'personal' }],
  [ComplainantDto, { name: 'personal', phone: 'personal', email: 'personal', nik: 'personal' }],
  [ComplaintLocationDto, { subdistrict: 'free_text', district: 'free_text', city: 'free_text' }],
  [StageDto, { at: 'checked', label: 'free_text' }],
  [
    CreateComplaintDto,
    {
      unitCode: 'checked', mediaIds: 'checked', externalRef: 'checked', category: 'checked', channel: 'checked', receivedAt: 'checked',
      resolvedAt: 'checked', location: 'nested', summary: 'free_text', resolution: 'free_text', stages: 'nested', complainant: 'nested',
      consent: 'nested', quote: 'quote', sensitive: 'checked', minorInvolved: 'checked', informantInvolved: 'checked',
    },
  ],
  [
    CreateFeedbackDto,
    {
      unitCode: 'checked', mediaIds: 'checked', serviceType: 'checked', rating: 'checked', text: 'quote', author: 'nested', consent: 'nested',
      source: 'checked', receivedAt: 'checked',
    },
  ],
  [OfficerDto, { rank: 'officer', name: 'officer', position: 'officer' }],
  // issue 18: the commander marks who led the activity
  [ParticipantDto, { rank: 'officer', name: 'officer', position: 'officer', led: 'checked' }],
  [AchievementQuoteDto, { speaker: 'nested', text: 'free_text' }],
  [AchievementLocationDto, { place: 'free_text', city: 'free_text' }],
  [
    CreateAchievementDto,
    {
      unitCode: 'checked', mediaIds: 'checked', title: 'free_text', activityType: 'checked', happenedAt: 'checked', location: 'nested',
      participants: 'nested', narrative: 'free_text', quotes: 'nested',
    },
  ],
  [
    CorrectComplaintDto,
    {
      category: 'checked', channel: 'checked', receivedAt: 'checked', resolvedAt: 'checked', location: 'nested', summary: 'free_text',
      resolution: 'free_text', stages: 'nested', quote: 'quote',
    },
  ],
  [
    CorrectAchievementDto,
    {
      title: 'free_text', activityType: 'checked', happenedAt: 'checked', location: 'nested', participants: 'nested', narrative: 'free_text',
      quotes: 'nested',
    },
  ],
  [ReasonDto, { reason: 'internal_text' }],
  [UploadMediaDto, { alt: 'free_text', unitCode: 'checked' }],
  [RectDto, { x: 'checked', y: 'checked', w: 'checked', h: 'checked' }],
  [BlurDto, { rects: 'nested' }],
  [QuoteCardDto, { storyId: 'checked' }],
  [PartnerDto, { name: 'organisation', kind: 'checked', unitCode: 'checked', website: 'checked', contact: 'organisation', feeds: 'checked', active: 'checked' }],
  [CreateIntegrationDto, { name: 'organisation', username: 'checked' }],
  [WebhookEnvelopeDto, { kind: 'checked', item: 'nested' }],
]);

/** Paths of one class's fields that `nested` leads to: maskFields paths ("stages[].label"). */
const NESTED_PATHS: Record<string, { type: new () => object; each: boolean }> = {
  'CreateComplaintDto.location': { type: ComplaintLocationDto, each: false },
  'CreateComplaintDto.stages': { type: StageDto, each: true },
  'CreateAchievementDto.location': { type: AchievementLocationDto, each: false },
  'CreateAchievementDto.quotes': { type: AchievementQuoteDto, each: true },
  'CreateAchievementDto.participants': { type: ParticipantDto, each: true },
  'CreateFeedbackDto.author': { type: CitizenDto, each: false },
  'CreateComplaintDto.complainant': { type: ComplainantDto, each: false },
  'CreateComplaintDto.consent': { type: ConsentDto, each: false },
  'CorrectComplaintDto.location': { type: ComplaintLocationDto, each: false },
  'CorrectComplaintDto.stages': { type: StageDto, each: true },
  'CorrectAchievementDto.location': { type: AchievementLocationDto, each: false },
  'CorrectAchievementDto.quotes': { type: AchievementQuoteDto, each: true },
  'CorrectAchievementDto.participants': { type: ParticipantDto, each: true },
  'CreateFeedbackDto.consent': { type: ConsentDto, each: false },
  'AchievementQuoteDto.speaker': { type: OfficerDto, each: false },
};

/**
 * The maskFields paths of every field of `dto` (nested ones included) of the given classes:
 * fieldsOf(CreateComplaintDto, 'free_text') -> ['location.subdistrict', ..., 'summary', 'stages[].label'].
 */
export function fieldsOf(dto: new () => object, ...wanted: FieldClass[]): string[] {
  const classes = FIELD_CLASSES.get(dto);
  if (!classes) throw new Error(`${dto.name} has no field classes`);
  const out: string[] = [];
  for (const [field, cls] of Object.entries(classes)) {
    if (wanted.includes(cls)) out.push(field);
    const nested = NESTED_PATHS[`${dto.name}.${field}`];
    if (cls === 'nested' && nested) {
      for (const inner of fieldsOf(nested.type, ...wanted)) out.push(`${field}${nested.each ? '[]' : ''}.${inner}`);
    }
  }
  return out;
}
