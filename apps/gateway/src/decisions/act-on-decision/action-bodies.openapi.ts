import type { SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';
import { ACTION_RULES, ACTION_NAMES, COMMAND_SCHEMAS, type ActionName } from '../../../../../libs/domain/src';

/** The OpenAPI schema of one action's body, from its command schema (every field named, typed, described). */
function actionBodySchema(name: ActionName): SchemaObject {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(COMMAND_SCHEMAS[name], {
    io: 'input',
    unrepresentable: 'any',
    target: 'openapi-3.0',
  });
  const action = ACTION_RULES[name];
  return {
    ...(schema as SchemaObject),
    title: name,
    description: `Body of \`POST /api/v1/decisions/{id}/${name}\` (${action.roles.join(', ')}; in ${action.stages.join(', ')}): ${action.summary}`,
  };
}

/**
 * Every action's body schema, built once at start-up: the `@ApiBody` below and the document's
 * `ActionBody.<action>` components (`site-shell/openapi/action-bodies.ts`) are the same objects.
 */
export const ACTION_BODY_SCHEMAS: Readonly<Record<ActionName, SchemaObject>> = Object.fromEntries(
  ACTION_NAMES.map((name) => [name, actionBodySchema(name)]),
) as Record<ActionName, SchemaObject>;

/**
 * The request body of `POST /api/v1/decisions/{id}/{action}`: one schema per action, the one whose
 * `title` is the `action` path parameter applies. Generated from COMMAND_SCHEMAS (ADR 38), so the
 * document cannot drift from what the rules read.
 */
export const ACTION_BODIES: SchemaObject = {
  description: 'The command of the action named in the path; its schema is the `oneOf` entry titled like the action.',
  oneOf: ACTION_NAMES.map((name) => ACTION_BODY_SCHEMAS[name]),
};
