import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/auth/auth.decorators';
import { uuidParam } from '../common/http/params';
import { ProblemException } from '../common/problem/problem.exception';
import { MediaCatalog } from './media-catalog.service';
import { PUBLIC_CACHE, sendMediaFile } from './media-file.response';
import { MediaStore } from './media-store';

/** Public renditions (`/media/:id/square.jpg`) of photos in published stories; 404 for anything else. */
@Controller('media')
@ApiTags('public')
export class PublicMediaController {
  constructor(
    private readonly catalog: MediaCatalog,
    private readonly store: MediaStore,
  ) {}

  @Get(':id/:rendition')
  @Public()
  @ApiProduces('image/jpeg', 'image/webp')
  @ApiOkResponse({ description: 'The rendition, cacheable for 5 minutes, with ETag' })
  async file(@Param('id', uuidParam()) id: string, @Param('rendition') rendition: string, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const file = await this.catalog.publicFile(id, rendition);
    if (!file) throw ProblemException.notFound('The image');
    return sendMediaFile(this.store, file, request, response, PUBLIC_CACHE);
  }
}
