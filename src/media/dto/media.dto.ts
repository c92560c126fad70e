import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsNumber, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { UNIT_CODE } from '../../units/dto/unit.dto';

/** The text fields of the multipart upload (the photo itself is the `file` part). */
export class UploadMediaDto {
  /** Alternative text for screen readers and link previews. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  alt?: string;

  /** The unit the photo belongs to (within your scope); defaults to your own unit. */
  @IsOptional()
  @Matches(UNIT_CODE, { message: 'unitCode must be a unit code such as POLSEK-KEBAYORAN-BARU' })
  unitCode?: string;
}

/** The multipart body as OpenAPI shows it. */
export const UPLOAD_SCHEMA = {
  type: 'object',
  required: ['file'],
  properties: {
    file: { type: 'string', format: 'binary', description: 'JPEG, PNG, WebP or HEIF/AVIF, recognised by content; one file' },
    alt: { type: 'string', maxLength: 500 },
    unitCode: { type: 'string', example: 'POLSEK-KEBAYORAN-BARU' },
  },
};

/** An area in the stored original's pixels (as returned in width/height), top-left origin. */
export class RectDto {
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  x: number;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  y: number;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  w: number;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  h: number;
}

export class BlurDto {
  /** Areas to hide for good (faces of minors or suspects, plates...); at most 20 per call. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RectDto)
  rects: RectDto[];
}

export class QuoteCardDto {
  /** A complaint or feedback story whose citizen agreed to be quoted. */
  @IsUUID('all', { message: 'storyId must be a story id (UUID)' })
  storyId: string;
}

export class RenditionView {
  @ApiProperty({ example: 'square' })
  name: string;
  @ApiProperty({ enum: ['jpeg', 'webp'] })
  format: string;
  width: number;
  height: number;
  /** Authenticated address (works at once). */
  @ApiProperty({ example: '/api/v1/media/0b6f.../square.jpg' })
  url: string;
  /** Public address: answers only once a story with this photo is published. */
  publicUrl: string;
  /** The channels this rendition is shaped for. */
  channels: string[];
}

export class MediaResponse {
  id: string;
  unitCode: string;
  @ApiProperty({ enum: ['photo', 'quote_card'] })
  kind: string;
  /** Of the stored original, upright; blur coordinates refer to it. */
  width: number;
  height: number;
  alt: string | null;
  originalUrl: string;
  /** Areas blurred so far. */
  blurRects: RectDto[];
  @ApiProperty({ type: [RenditionView] })
  renditions: RenditionView[];
}

export class UnitLogoResponse {
  unitCode: string;
  logoMediaId: string;
}
