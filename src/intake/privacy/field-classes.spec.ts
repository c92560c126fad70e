import { getMetadataStorage } from 'class-validator';
import * as achievementDtos from '../dto/achievement.dto';
import * as commonDtos from '../dto/common.dto';
import * as complaintDtos from '../dto/complaint.dto';
import * as feedbackDtos from '../dto/feedback.dto';
import * as reopenDtos from '../dto/reopen.dto';
import * as mediaDtos from '../../media/dto/media.dto';
import * as partnerDtos from '../../tracking/partners/dto/partner.dto';
import * as integrationDtos from '../webhook/integration.dto';
import { FIELD_CLASSES, fieldsOf } from './field-classes';

/** Every class exported by these modules that class-validator knows (the request bodies). */
const modules = [achievementDtos, commonDtos, complaintDtos, feedbackDtos, reopenDtos, mediaDtos, partnerDtos, integrationDtos];
const validated = (value: unknown): value is new () => object =>
  typeof value === 'function' && getMetadataStorage().getTargetValidationMetadatas(value as new () => object, '', true, false).length > 0;
const dtoClasses = [...new Set(modules.flatMap((m) => Object.values(m)).filter(validated))];

const propertiesOf = (dto: new () => object) =>
  [...new Set(getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false).map((m) => m.propertyName))].sort();

describe('every field of intake, media and partner bodies is classified (issue 16)', () => {
  it('finds the request bodies', () => {
    expect(dtoClasses.length).toBeGreaterThanOrEqual(15);
  });

  it.each(dtoClasses.map((dto) => [dto.name, dto] as const))('%s: every field has a class, and only its fields', (_name, dto) => {
    const classes = FIELD_CLASSES.get(dto);
    expect(classes).toBeDefined();
    expect(Object.keys(classes!).sort()).toEqual(propertiesOf(dto));
  });

  it('gives the services their lists of fields to mask', () => {
    expect(fieldsOf(complaintDtos.CreateComplaintDto, 'free_text')).toEqual(
      expect.arrayContaining(['summary', 'resolution', 'stages[].label', 'location.subdistrict', 'location.district', 'location.city']),
    );
    expect(fieldsOf(complaintDtos.CreateComplaintDto, 'quote')).toEqual(['quote']);
    expect(fieldsOf(complaintDtos.CreateComplaintDto, 'internal_text')).toEqual(['consent.method']);
    expect(fieldsOf(achievementDtos.CreateAchievementDto, 'free_text')).toEqual(
      expect.arrayContaining(['title', 'narrative', 'quotes[].text', 'location.place', 'location.city']),
    );
    expect(fieldsOf(feedbackDtos.CreateFeedbackDto, 'quote')).toEqual(['text']);
  });
});
