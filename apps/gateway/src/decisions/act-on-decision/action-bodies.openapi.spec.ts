import { ACTION_NAMES } from '../../../../../libs/domain/src';
import type { OpenAPIObject } from '@nestjs/swagger';
import { documentActionBodies } from '../../site-shell/openapi/action-bodies';
import { ACTION_BODIES } from './action-bodies.openapi';

type Schema = {
  title?: string;
  type?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
};

describe('the OpenAPI request body of the lifecycle actions', () => {
  const bodies = ACTION_BODIES.oneOf as Schema[];

  it('has one object schema per action, titled like the action', () => {
    expect(bodies.map((body) => body.title)).toEqual(ACTION_NAMES);
    for (const body of bodies)
      expect(body).toMatchObject({ type: 'object', description: expect.stringContaining(`/${body.title}\``) });
  });

  it('names, types and describes every field', () => {
    const loose = bodies.flatMap((body) =>
      Object.entries(body.properties ?? {})
        .filter(([, field]) => !field.type || !field.description)
        .map(([key]) => `${body.title}.${key}`),
    );
    expect(loose).toEqual([]);
  });

  it('marks what a rule requires as required, and what it may go without as optional', () => {
    const body = (title: string): Schema => bodies.find((b) => b.title === title)!;
    expect(body('draft-versions').required).toEqual(['draft', 'basis', 'explanation']);
    expect(body('consultation-plan').required).toEqual(['channels', 'opensAt', 'closesAt']);
    expect(body('close').properties!['reason']).toMatchObject({ type: 'string', maxLength: 2000 });
    expect(body('extend').properties!['closesAt']).toMatchObject({ type: 'string', format: 'date-time' });
  });

  it('is built once: the ActionBody components are the very schemas of the @ApiBody', () => {
    const document = documentActionBodies({
      openapi: '3.0.0',
      info: { title: '', version: '' },
      paths: {},
    } as OpenAPIObject);
    ACTION_NAMES.forEach((name, i) => expect(document.components?.schemas?.[`ActionBody.${name}`]).toBe(bodies[i]));
  });
});
