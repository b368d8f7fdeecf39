import type { OpenAPIObject, SchemaObject } from '@nestjs/swagger';
import { ACTIONS, CHANNELS } from '../../../../libs/domain/src';
import { ACTION_FORMS, type FieldSpec } from '../web/console/act-on-decision-form/action-fields';

const MILESTONE: SchemaObject = {
  type: 'object',
  required: ['title', 'unit', 'dueAt', 'weight'],
  properties: { title: { type: 'string' }, unit: { type: 'string', description: 'The responsible unit.' }, dueAt: { type: 'string', format: 'date-time' }, weight: { type: 'number', exclusiveMinimum: true, minimum: 0 } },
};

/** A console field's kind as the JSON the API takes (the form parser, `form-parsing.ts`, sends the same). */
function schemaOfField(field: FieldSpec): SchemaObject {
  const description = [field.label.en, field.hint?.en].filter(Boolean).join('. ');
  const base = ((): SchemaObject => {
    switch (field.kind) {
      case 'text':
      case 'textarea':
        return { type: 'string' };
      case 'datetime':
        return { type: 'string', format: 'date-time' };
      case 'date':
        return { type: 'string', format: 'date' };
      case 'number':
        return { type: 'number' };
      case 'select':
        return field.options ? { type: 'string', enum: field.options.map((option) => option.value) } : { type: 'string', description: `An id from the decision's ${field.choicesFrom}.` };
      case 'channels':
        return { type: 'array', minItems: 1, items: { type: 'string', enum: [...CHANNELS] } };
      case 'checkbox':
        return { type: 'boolean' };
      case 'lines':
        return { type: 'array', items: { type: 'string' } };
      case 'opinions':
        return { type: 'array', items: { type: 'object', required: ['text'], properties: { text: { type: 'string' } } } };
      case 'milestones':
        return { type: 'array', items: MILESTONE };
      case 'qa':
        return { type: 'array', items: { type: 'object', required: ['question', 'answer'], properties: { question: { type: 'string' }, answer: { type: 'string' } } } };
    }
  })();
  return { ...base, description: base.description ? `${description}. ${base.description}` : description };
}

/** Nests dotted field names (`interpretation.plainLanguage`) as the form parser does. */
function objectOf(fields: readonly FieldSpec[], description: string): SchemaObject {
  const schema: SchemaObject = { type: 'object', description, properties: {} };
  for (const field of fields) {
    const keys = field.name.split('.');
    let node = schema;
    for (const key of keys.slice(0, -1)) {
      node.properties ??= {};
      node = (node.properties[key] ??= { type: 'object', properties: {} }) as SchemaObject;
    }
    const key = keys.at(-1)!;
    node.properties ??= {};
    node.properties[key] = schemaOfField(field);
    if (field.required) node.required = [...(node.required ?? []), key];
  }
  return schema;
}

/** `ActionBody.<action>`: the body of each lifecycle action, from its rule and its console form's fields. */
export function actionBodySchemas(): Record<string, SchemaObject> {
  return Object.fromEntries(
    ACTIONS.map((action) => {
      const form = ACTION_FORMS[action.name];
      const description = `\`${action.name}\`: ${action.summary} Roles: ${action.roles.join(', ')}; stages: ${action.stages.join(', ')}.`;
      return [`ActionBody.${action.name}`, { title: action.name, ...objectOf(form?.fields ?? [], description) }];
    }),
  );
}

/**
 * Documents the body of `POST /api/v1/decisions/{id}/{action}` per action: `anyOf` the action bodies
 * (the action is in the path, so no body member can discriminate them; ADR 0041). Runtime validation
 * stays the domain rules'.
 */
export function documentActionBodies(document: OpenAPIObject): OpenAPIObject {
  const schemas = actionBodySchemas();
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...schemas } };
  const operation = document.paths['/api/v1/decisions/{id}/{action}']?.post;
  if (operation) {
    operation.requestBody = {
      required: false,
      description: 'The body of the action named in the path: the schema titled like it. An action without fields takes `{}` or no body.',
      content: { 'application/json': { schema: { anyOf: Object.keys(schemas).map((name) => ({ $ref: `#/components/schemas/${name}` })) } } },
    };
  }
  return document;
}
