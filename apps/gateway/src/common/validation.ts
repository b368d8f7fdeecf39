import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { DomainError } from '../../../../libs/domain/src';
import { nullPathOf } from './request-shape';

function flatten(errors: ValidationError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = `${prefix}${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], `${field}.`)];
  });
}

const PLAIN_TYPES: ReadonlySet<unknown> = new Set([Object, String, Number, Boolean, Array]);

/**
 * DTO validation; failures become 422 VALIDATION_FAILED with every field problem listed. A `null`
 * anywhere in a DTO body is refused the same way: `@IsOptional()` lets `null` through as "absent", and
 * the handlers behind it were written for `undefined`. Bodies without a DTO (free-form action payloads)
 * are left to the domain's own checks.
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.metatype && !PLAIN_TYPES.has(metadata.metatype)) {
      const field = nullPathOf(value);
      if (field !== undefined) {
        throw new DomainError(
          'VALIDATION_FAILED',
          'invalid',
          `${field}: must not be null (leave the field out instead)`,
          { errors: [{ field, message: 'must not be null' }] },
        );
      }
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const list = flatten(errors);
      return new DomainError('VALIDATION_FAILED', 'invalid', list.map((e) => `${e.field}: ${e.message}`).join('; '), {
        errors: list,
      });
    },
  });
}
