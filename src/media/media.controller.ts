import { Body, Get, HttpCode, Param, Post, Put, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/auth.decorators';
import { ApiController } from '../common/http/api-controller';
import { AcceptsBody } from '../common/http/body-kind';
import { uuidParam } from '../common/http/params';
import { BlurDto, MediaResponse, QuoteCardDto, UnitLogoResponse, UPLOAD_SCHEMA, UploadMediaDto } from './dto/media.dto';
import { MediaBlurService } from './media-blur.service';
import { MediaCatalog } from './media-catalog.service';
import { PRIVATE_CACHE, sendMediaFile } from './media-file.response';
import { MediaStore } from './media-store';
import { MediaService, type UploadedImage } from './media.service';
import { QuoteCardService } from './quote-card.service';
import { StoryMediaService } from './story-media/story-media.service';
import { UnitLogos } from './unit-logos.service';
import { UPLOAD_FIELD, UploadFieldsInterceptor, UploadProblemsInterceptor } from './upload-problems.interceptor';

@ApiController('media')
export class MediaController {
  constructor(
    private readonly media: MediaService,
    private readonly catalog: MediaCatalog,
    private readonly blurs: MediaBlurService,
    private readonly quoteCards: QuoteCardService,
    private readonly logos: UnitLogos,
    private readonly store: MediaStore,
    private readonly storyMedia: StoryMediaService,
  ) {}

  /**
   * Uploads a photo (multipart field `file`, optional `alt` and `unitCode`). Recognised by its
   * bytes; 413 too large, 415 not JPEG/PNG/WebP/HEIF (or SVG, GIF, animated), 422 undecodable or
   * too many pixels. Answers with the sanitised original's size and every rendition.
   */
  @Post()
  @Roles('operator', 'commander', 'humas')
  @AcceptsBody('multipart')
  @UseInterceptors(UploadProblemsInterceptor, FileInterceptor(UPLOAD_FIELD), UploadFieldsInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_SCHEMA })
  upload(@CurrentUser() user: AuthUser, @UploadedFile() file: UploadedImage | undefined, @Body() body: UploadMediaDto): Promise<MediaResponse> {
    return this.media.upload(user, file, body);
  }

  /** Renders the story's consented quote (complaint or feedback) as a 1080x1080 card and attaches it. */
  @Post('quote-card')
  @Roles('humas')
  async createQuoteCard(@CurrentUser() user: AuthUser, @Body() body: QuoteCardDto): Promise<MediaResponse> {
    const card = await this.quoteCards.createForStory(user, body.storyId);
    // the story has a picture now: "Instagram needs an image" no longer holds
    await this.storyMedia.relint(body.storyId);
    return card;
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<MediaResponse> {
    return this.catalog.view(user, id);
  }

  /** A rendition (`square.jpg`, `web.webp`...) or `original.jpg|png`, for callers whose scope covers the photo. */
  @Get(':id/:rendition')
  @ApiProduces('image/jpeg', 'image/webp', 'image/png')
  @ApiOkResponse({ description: 'The image file, with ETag' })
  async file(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Param('rendition') rendition: string, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return sendMediaFile(this.store, await this.catalog.fileForUser(user, id, rendition), request, response, PRIVATE_CACHE);
  }

  /** Blurs areas of the original (its pixel coordinates) for good and rebuilds every rendition; audited. */
  @Put(':id/blur')
  @Roles('humas')
  blur(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: BlurDto): Promise<MediaResponse> {
    return this.blurs.blur(user, id, body.rects);
  }

  /** Makes this photo its unit's logo: the watermark of that unit's (and its sub-units') social renditions. */
  @Put(':id/use-as-logo')
  @HttpCode(200)
  @Roles('humas')
  useAsLogo(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<UnitLogoResponse> {
    return this.logos.useAsLogo(user, id);
  }
}
