import { Body, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { ApiController } from '../../common/http/api-controller';
import { PageQueryDto } from '../../common/http/pagination';
import { uuidParam } from '../../common/http/params';
import { FeedPoller } from '../polling/feed-poller.service';
import { PartnerDto } from './dto/partner.dto';
import { PartnersService } from './partners.service';

@ApiController('partners', 'tracking')
@Roles('humas')
export class PartnersController {
  constructor(private readonly partners: PartnersService, private readonly poller: FeedPoller) {}

  /** Partners of the units in the caller's scope, with their feed token and partner-feed URL. */
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto) {
    return this.partners.list(user, query);
  }

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: PartnerDto) {
    return this.partners.create(user, body);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string) {
    return this.partners.get(user, id);
  }

  /** Replaces the partner (feeds kept by URL keep their poll state). */
  @Put(':id')
  update(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: PartnerDto) {
    return this.partners.update(user, id, body);
  }

  /** A new feed token: the partner's old feed URL stops working at once. */
  @Post(':id/token')
  @HttpCode(200)
  rotateToken(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string) {
    return this.partners.rotateToken(user, id);
  }

  /** Polls the partner's feeds now: per feed, its status, new items and the pickups found. */
  @Post(':id/poll')
  @HttpCode(200)
  async poll(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string) {
    await this.partners.require(user, id);
    return { partnerId: id, feeds: await this.poller.pollPartner(id) };
  }
}
