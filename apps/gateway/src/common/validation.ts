import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError } from '../../../../libs/domain/src';

function flatten(errors: ValidationError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = `${prefix}${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], `${field}.`)];
  });
}

/** DTO validation; failures become 422 VALIDATION_FAILED with every field problem listed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const list = flatten(errors);
      return new DomainError('VALIDATION_FAILED', 'invalid', list.map((e) => `${e.field}: ${e.message}`).join('; '), { errors: list });
    },
  });
}
