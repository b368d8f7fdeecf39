import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError, type StaffActor } from '../../../../../libs/domain/src';
import { createAnswerTemplate, type StoredAnswerTemplate } from '../../../../../libs/persistence/src';
import { DATA_SOURCE } from '../../common/tokens';
import type { CreateAnswerTemplateRequest } from './create-answer-template.dto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

@Injectable()
export class CreateAnswerTemplateHandler {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** Creates a template of the actor's unit (recorded in the feedback work log); the id is generated when absent. */
  async execute(request: CreateAnswerTemplateRequest, actor: StaffActor): Promise<StoredAnswerTemplate> {
    const templateId = request.templateId ?? `t-${Array.from(randomBytes(10), (byte) => ALPHABET[byte % 32]).join('')}`;
    const outcome = await createAnswerTemplate(
      this.dataSource,
      { unit: actor.unit, templateId, title: request.title, verdict: request.verdict, text: request.text },
      actor,
      new Date(),
    );
    if ('exists' in outcome)
      throw new DomainError(
        'TEMPLATE_EXISTS',
        'conflict',
        `${actor.unit} has an answer template ${templateId} already.`,
        { templateId },
      );
    return outcome.created;
  }
}
