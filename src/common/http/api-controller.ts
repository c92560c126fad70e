import { applyDecorators, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';

export const API_PREFIX = 'api/v1';

/**
 * A JSON API controller under /api/v1, documented in OpenAPI with both ways to authenticate.
 * Feeds, the press room, the console and ops routes use plain @Controller outside the prefix.
 */
export const ApiController = (path: string, tag = path.split('/')[0]) =>
  applyDecorators(Controller(`${API_PREFIX}/${path}`), ApiTags(tag), ApiBearerAuth(), ApiCookieAuth());
