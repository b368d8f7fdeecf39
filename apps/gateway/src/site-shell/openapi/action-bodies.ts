import type { OpenAPIObject, SchemaObject } from '@nestjs/swagger';
import { ACTION_NAMES } from '../../../../../libs/domain/src';
import { ACTION_BODY_SCHEMAS } from '../../decisions/act-on-decision/action-bodies.openapi';

/** `ActionBody.<action>`: the body of each lifecycle action, generated once from its command schema (ADR 38). */
function actionBodyComponents(): Record<string, SchemaObject> {
  return Object.fromEntries(ACTION_NAMES.map((name) => [`ActionBody.${name}`, ACTION_BODY_SCHEMAS[name]]));
}

/**
 * Documents the body of `POST /api/v1/decisions/{id}/{action}` per action: `anyOf` the action bodies
 * (the action is in the path, so no body member can discriminate them; ADR 0041). Runtime validation
 * stays the domain rules'.
 */
export function documentActionBodies(document: OpenAPIObject): OpenAPIObject {
  const schemas = actionBodyComponents();
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...schemas } };
  const operation = document.paths['/api/v1/decisions/{id}/{action}']?.post;
  if (operation) {
    operation.requestBody = {
      required: false,
      description:
        'The body of the action named in the path: the schema titled like it. An action without fields takes `{}` or no body.',
      content: {
        'application/json': {
          schema: { anyOf: Object.keys(schemas).map((name) => ({ $ref: `#/components/schemas/${name}` })) },
        },
      },
    };
  }
  return document;
}
