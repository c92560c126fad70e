import { Transform, Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { CitizenDto, ConsentDto, INSTANT_MESSAGE, RequiredGroup, toDate, UnitScopedDto } from './common.dto';

export const SERVICE_TYPES = ['sim', 'skck', 'spkt', 'patroli', 'lalu_lintas', 'rekrutmen', 'bhabinkamtibmas', 'pengaduan', 'lainnya'] as const;
export const FEEDBACK_SOURCES = ['survey', 'app', 'social_media', 'whatsapp', 'walk_in', 'call_center_110', 'website'] as const;

/** A citizen's feedback on a service; only rating >= 4 with quote consent becomes a story. */
export class CreateFeedbackDto extends UnitScopedDto {
  @IsIn(SERVICE_TYPES)
  serviceType: (typeof SERVICE_TYPES)[number];

  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;

  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  text: string;

  @RequiredGroup('author')
  @ValidateNested()
  @Type(() => CitizenDto)
  author: CitizenDto;

  @RequiredGroup('consent')
  @ValidateNested()
  @Type(() => ConsentDto)
  consent: ConsentDto;

  @IsIn(FEEDBACK_SOURCES)
  source: (typeof FEEDBACK_SOURCES)[number];

  @Transform(toDate)
  @IsDate({ message: `receivedAt ${INSTANT_MESSAGE}` })
  receivedAt: Date;
}
