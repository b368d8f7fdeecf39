import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { documentStaffRequests } from '../common/staff-request.openapi';

/**
 * The OpenAPI document the gateway serves at /api/docs-json (ADR 0041): Nest's document from the
 * controllers' decorators, then the parts decorators cannot say.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return documentStaffRequests(SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Open Decision API')
      .setDescription('Major administrative decisions in the open (开放决策). Errors are RFC 9457 problem+json with a stable `code`.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  ));
}
