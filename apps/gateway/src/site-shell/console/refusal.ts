import { DomainError } from '../../../../../libs/domain/src';
import { toDomainError } from '../../../../../libs/temporal/src';
import { toProblem } from '../../common/problem.filter';

/** Why an action was refused: the problem's code, status and detail, and the field it names. */
export interface Refusal {
  code: string;
  status: number;
  detail: string;
  field?: string;
}

/**
 * A refusal a form re-renders with (a rule's DomainError, 4xx), or undefined for anything else (a 5xx,
 * an unexpected error), which the page filter turns into an error page.
 */
export function asRefusal(error: unknown): Refusal | undefined {
  const domain = toDomainError(error);
  if (!(domain instanceof DomainError)) return undefined;
  const { problem } = toProblem(domain);
  if (
    problem.status >= 500 ||
    problem.code === 'CSRF_INVALID' ||
    problem.code === 'UNAUTHORIZED' ||
    problem.code === 'TOKEN_INVALID'
  )
    return undefined;
  const field = typeof problem['field'] === 'string' ? problem['field'] : undefined;
  return { code: problem.code, status: problem.status, detail: problem.detail, field };
}
