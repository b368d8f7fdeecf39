import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { documentStaffRequests } from '../../common/staff-request.openapi';
import { documentActionBodies } from './action-bodies';
import { documentProblems } from './problem-responses';
import { documentResponses } from './response-schemas';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** `ListAccountsController_list` → `List accounts` when the controller gives no summary. */
function summaryOf(operationId: string): string {
  const words = operationId
    .replace(/Controller_.*$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * What Redocly's recommended ruleset asks of every operation: a summary, a security requirement (empty
 * for public operations: they need none), parameters without repeats.
 */
function completeOperations(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      operation.summary ??= summaryOf(operation.operationId ?? `${method} operation`);
      operation.security ??= [];
      const seen = new Set<string>();
      operation.parameters = operation.parameters?.filter((parameter) => {
        const key = 'in' in parameter ? `${parameter.in}:${parameter.name.toLowerCase()}` : parameter.$ref;
        return seen.has(key) ? false : (seen.add(key), true);
      });
    }
  }
  return document;
}

/**
 * The OpenAPI document the gateway serves at /api/docs-json (ADR 0041): Nest's document from the
 * controllers' decorators, then what decorators do not say: the staff-request headers, the success
 * schemas, each action's body, and every error status as problem+json with the catalogue's codes.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const base = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Open Decision API')
      .setDescription(
        'Major administrative decisions in the open (开放决策). Errors are RFC 9457 problem+json with a stable `code`.',
      )
      .setVersion('1')
      .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
      .addServer('/', 'This gateway')
      .addBearerAuth()
      .build(),
  );
  return completeOperations(documentProblems(documentActionBodies(documentResponses(documentStaffRequests(base)))));
}
