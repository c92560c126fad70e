import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { SESSION_COOKIE } from './auth/session-cookie';
import type { GaungConfig } from './config/gaung-config';

/** OpenAPI at /docs (Swagger UI, served locally) and /docs-json. */
export function setupOpenApi(app: INestApplication, config: GaungConfig): void {
  const document = new DocumentBuilder()
    .setTitle('Gaung API')
    .setDescription(
      'Drafting, approval, publishing and tracking of police Humas content. Errors are RFC 9457 ' +
        'application/problem+json with a stable `code`; validation errors list each bad field.',
    )
    .setVersion('1')
    .addServer(config.publicBaseUrl)
    .addBearerAuth()
    .addCookieAuth(SESSION_COOKIE)
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, document), {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: 'Gaung API',
  });
}
