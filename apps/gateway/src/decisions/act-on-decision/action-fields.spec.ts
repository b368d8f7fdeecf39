import { z } from 'zod';
import { COMMAND_SCHEMAS } from '../../../../../libs/domain/src';
import { ACTION_FORMS } from './action-fields';

interface JsonNode {
  properties?: Record<string, JsonNode>;
  required?: string[];
}

/** The schema node of a dotted body path, and whether every step of the path is required. */
function resolve(schema: JsonNode, path: string): { node: JsonNode | undefined; required: boolean } {
  let node: JsonNode | undefined = schema;
  let required = true;
  for (const part of path.split('.')) {
    required = required && (node?.required ?? []).includes(part);
    node = node?.properties?.[part];
  }
  return { node, required };
}

/**
 * Fields the attachment route sets from the uploaded file (ADR 87): the form has the file instead, and
 * its name field is optional (the file's own name by default).
 */
const SET_FROM_UPLOAD: Record<string, readonly string[]> = { attachments: ['name', 'sha256', 'size', 'type'] };

// The console forms are written by hand for their words and input kinds; what the command schema
// knows — which fields exist and which are required — must agree with them (issue 14, ADR 38).
describe('the console action forms agree with the command schemas', () => {
  const schemas = COMMAND_SCHEMAS as Record<string, z.ZodType>;

  it('has a form for every action and a schema for every form', () => {
    expect(Object.keys(ACTION_FORMS).sort()).toEqual(Object.keys(COMMAND_SCHEMAS).sort());
  });

  it.each(Object.keys(ACTION_FORMS))(
    '%s: every field is in the schema, required exactly when the schema says',
    (action) => {
      const json = z.toJSONSchema(schemas[action]!, { io: 'input', unrepresentable: 'any' }) as JsonNode;
      const fields = ACTION_FORMS[action]!.fields.filter((field) => field.kind !== 'file');
      const fromUpload = SET_FROM_UPLOAD[action] ?? [];
      for (const field of fields) {
        const { node, required: inSchema } = resolve(json, field.name);
        const required = fromUpload.includes(field.name) ? !!field.required : inSchema;
        expect({ field: field.name, inSchema: node !== undefined, required: !!field.required }).toEqual({
          field: field.name,
          inSchema: true,
          required,
        });
      }
      const top = new Set(fields.map((field) => field.name.split('.')[0]));
      expect((json.required ?? []).filter((name) => !top.has(name) && !fromUpload.includes(name))).toEqual([]);
    },
  );
});
