import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsDate, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested,
} from 'class-validator';
import { CitizenDto, ConsentDto, INSTANT_MESSAGE, toDate, UnitScopedDto } from './common.dto';

export const COMPLAINT_CATEGORIES = [
  'curanmor', 'tawuran', 'narkoba', 'premanisme', 'pungli', 'kemacetan', 'kecelakaan', 'jalan_rusak', 'kehilangan',
  'pencurian', 'penipuan', 'kdrt', 'judi', 'orang_hilang', 'gangguan_ketertiban', 'kekerasan_seksual', 'perlindungan_anak',
  'perdagangan_orang', 'lainnya',
] as const;
export const COMPLAINT_CHANNELS = ['spkt', 'call_center_110', 'whatsapp', 'social_media', 'app', 'walk_in'] as const;

export class ComplaintLocationDto {
  @IsString() @MinLength(1) @MaxLength(100) subdistrict: string;
  @IsString() @MinLength(1) @MaxLength(100) district: string;
  @IsString() @MinLength(1) @MaxLength(100) city: string;
}

export class StageDto {
  @Transform(toDate)
  @IsDate({ message: `at ${INSTANT_MESSAGE}` })
  at: Date;

  @IsString()
  @MinLength(1)
  @MaxLength(300)
  label: string;
}

export class ComplainantDto extends CitizenDto {
  /** Nomor Induk Kependudukan: 16 digits (spaces or dots between groups are accepted). */
  @IsOptional()
  @Matches(/^\d{4}[ .]?\d{4}[ .]?\d{4}[ .]?\d{4}$/, { message: 'nik must be 16 digits' })
  nik?: string;
}

/** A resolved complaint from the complaint desk (SPKT, 110, Dumas...). */
export class CreateComplaintDto extends UnitScopedDto {
  /** The complaint system's own reference: the same reference again is the same complaint. */
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._/:-]{0,99}$/, { message: 'externalRef must be 1-100 letters, digits or ._/:-' })
  externalRef: string;

  @IsIn(COMPLAINT_CATEGORIES)
  category: (typeof COMPLAINT_CATEGORIES)[number];

  @IsIn(COMPLAINT_CHANNELS)
  channel: (typeof COMPLAINT_CHANNELS)[number];

  @Transform(toDate)
  @IsDate({ message: `receivedAt ${INSTANT_MESSAGE}` })
  receivedAt: Date;

  /** Only resolved complaints are amplified. */
  @Transform(toDate)
  @IsDate({ message: `resolvedAt ${INSTANT_MESSAGE}` })
  resolvedAt: Date;

  @ValidateNested()
  @Type(() => ComplaintLocationDto)
  location: ComplaintLocationDto;

  @IsString() @MinLength(1) @MaxLength(2000) summary: string;
  @IsString() @MinLength(1) @MaxLength(4000) resolution: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => StageDto)
  stages?: StageDto[];

  @ValidateNested()
  @Type(() => ComplainantDto)
  complainant: ComplainantDto;

  @ValidateNested()
  @Type(() => ConsentDto)
  consent: ConsentDto;

  /**
   * The operator marks a case as sensitive (a victim who must not be recognised): neutral drafts,
   * website only by default, two approvers. Some categories are always sensitive.
   */
  @IsOptional()
  @IsBoolean()
  sensitive?: boolean;

  /** A child is involved (victim, missing person, witness): the case is handled as sensitive. */
  @IsOptional()
  @IsBoolean()
  minorInvolved?: boolean;

  /** The case rests on an informant (e.g. narkoba): handled as sensitive. */
  @IsOptional()
  @IsBoolean()
  informantInvolved?: boolean;

  /** The complainant's words; kept only with consent.quote. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  quote?: string;
}
