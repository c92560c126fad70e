import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUrl, Length, Matches, MaxLength } from 'class-validator';
import { UNIT_CODE } from '../../../units/dto/unit.dto';

export const PARTNER_KINDS = ['mainstream', 'online', 'tv', 'radio', 'community'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** http/https only; IP hosts and hosts without a TLD are accepted (the poller decides what it may reach). */
const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: false, allow_underscores: true };

/** A media partner, created or replaced as a whole (PUT). */
export class PartnerDto {
  @IsString()
  @Length(1, 200)
  name: string;

  @IsIn(PARTNER_KINDS)
  kind: PartnerKind;

  /** The Humas unit managing the partner; default: the caller's own unit. */
  @IsOptional()
  @Matches(UNIT_CODE, { message: 'unitCode must be a unit code such as POLRES-JAKSEL' })
  unitCode?: string;

  @IsOptional()
  @IsUrl(HTTP_URL, { message: 'website must be an http or https URL' })
  @MaxLength(500)
  website?: string;

  /** Editorial contact (desk, e-mail or phone of the newsroom). */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  contact?: string;

  /** The partner's own RSS/Atom feeds we watch for pickups (http/https, at most 20). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUrl(HTTP_URL, { each: true, message: 'each feed must be an http or https URL' })
  @MaxLength(2000, { each: true })
  feeds?: string[];

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
