import type { AnswerTemplate, StaffActor, Verdict } from '../../../domain/src';
import { In, type DataSource } from 'typeorm';
import { isUniqueViolation } from '../accounts/admin-events';
import { AnswerTemplateEntity } from '../entities/feedback.entity';
import { inTransaction } from '../transaction';
import { appendFeedbackWork, NO_DECISION } from './feedback-work-log';

export interface StoredAnswerTemplate extends AnswerTemplate {
  unit: string;
  createdAt: string;
}

function toTemplate(row: AnswerTemplateEntity): StoredAnswerTemplate {
  return {
    unit: row.unitId,
    templateId: row.templateId,
    title: row.title,
    verdict: row.verdict as Verdict,
    text: row.text,
    createdAt: row.createdAt,
  };
}

export async function listAnswerTemplates(dataSource: DataSource, unit: string): Promise<StoredAnswerTemplate[]> {
  return (
    await dataSource.manager.find(AnswerTemplateEntity, {
      where: { unitId: unit },
      order: { createdAt: 'ASC', templateId: 'ASC' },
    })
  ).map(toTemplate);
}

/** The unit's templates among `templateIds`, by id (unknown ids are simply absent). */
export async function findAnswerTemplates(
  dataSource: DataSource,
  unit: string,
  templateIds: readonly string[],
): Promise<Map<string, StoredAnswerTemplate>> {
  if (templateIds.length === 0) return new Map();
  const rows = await dataSource.manager.find(AnswerTemplateEntity, {
    where: { unitId: unit, templateId: In([...templateIds]) },
  });
  return new Map(rows.map((row) => [row.templateId, toTemplate(row)]));
}

/**
 * Creates a template of `unit` and records `AnswerTemplateCreated` in the feedback work log (with
 * decision id NO_DECISION: templates belong to a unit), in one transaction. `exists` when the unit has a
 * template with this id already (also when two requests race: the primary key decides).
 */
export async function createAnswerTemplate(
  dataSource: DataSource,
  template: AnswerTemplate & { unit: string },
  actor: StaffActor,
  now: Date,
): Promise<{ created: StoredAnswerTemplate } | { exists: true }> {
  const row = {
    unitId: template.unit,
    templateId: template.templateId,
    title: template.title,
    verdict: template.verdict,
    text: template.text,
    createdAt: now.toISOString(),
  };
  try {
    return await inTransaction(dataSource, async (manager) => {
      if (await manager.existsBy(AnswerTemplateEntity, { unitId: row.unitId, templateId: row.templateId }))
        return { exists: true as const };
      await manager.insert(AnswerTemplateEntity, row);
      const { createdAt: _at, ...data } = toTemplate(Object.assign(new AnswerTemplateEntity(), row));
      await appendFeedbackWork(manager, {
        decisionId: NO_DECISION,
        type: 'AnswerTemplateCreated',
        actor,
        occurredAt: row.createdAt,
        data,
      });
      return { created: toTemplate(Object.assign(new AnswerTemplateEntity(), row)) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { exists: true };
    throw error;
  }
}
