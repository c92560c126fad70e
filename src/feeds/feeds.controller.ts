import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/auth/auth.decorators';
import { Clock } from '../common/clock';
import { answer, notModified } from './cache/conditional';
import type { FeedFile } from './feed-model';
import { FeedsService } from './feeds.service';
import { PartnerPullLog } from './partner-pull-log';

const FILE_PARAM = { name: 'file', enum: ['rss.xml', 'atom.xml', 'feed.json'] };
const FEED_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/feed+json'];

/**
 * Public and partner feeds (DESIGN.md §5, §10). Cached public feeds are usually answered by
 * FeedCache.fastPath before Nest sees the request; these routes build a body on a miss, answer
 * unknown units, categories and tokens with 404, and log partner pulls.
 */
@Controller('feeds')
@ApiTags('feeds')
@ApiProduces(...FEED_TYPES)
@ApiParam(FILE_PARAM)
@ApiOkResponse({ description: 'The feed (RSS 2.0, Atom 1.0 or JSON Feed 1.1 by file name), with ETag and Last-Modified; 304 when unchanged' })
@ApiNotFoundResponse({ description: 'Unknown feed file, unit, category or partner token' })
export class FeedsController {
  constructor(
    private readonly feeds: FeedsService,
    private readonly pulls: PartnerPullLog,
    private readonly clock: Clock,
  ) {}

  /** Every published release. */
  @Get(':file')
  @Public()
  async all(@Param('file') file: string, @Req() request: Request, @Res() response: Response) {
    answer(request, response, (await this.feeds.all(file)).entry);
  }

  /** Releases of the unit and of every unit below it. */
  @Get('units/:code/:file')
  @Public()
  async unit(@Param('code') code: string, @Param('file') file: string, @Req() request: Request, @Res() response: Response) {
    answer(request, response, (await this.feeds.unit(code, file)).entry);
  }

  /** Releases of one category (story.category, e.g. curanmor), or 'apresiasi' / 'prestasi' for a whole kind. */
  @Get('categories/:slug/:file')
  @Public()
  async category(@Param('slug') slug: string, @Param('file') file: string, @Req() request: Request, @Res() response: Response) {
    answer(request, response, (await this.feeds.category(slug, file)).entry);
  }

  /** A media partner's feed: also approved releases under embargo, marked with its end. Every pull is logged. */
  @Get('partners/:token/:file')
  @Public()
  async partner(@Param('token') token: string, @Param('file') file: string, @Req() request: Request, @Res() response: Response) {
    const { entry, partnerId } = await this.feeds.partner(token, file);
    this.pulls.record({ partnerId: partnerId!, feed: file as FeedFile, at: this.clock.now(), items: entry.items, notModified: notModified(request, entry) });
    answer(request, response, entry);
  }
}
