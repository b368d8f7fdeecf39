import type { DecisionRecord, Stage } from '../../domain/src';
import { DecisionEntity } from './entities/decision.entity';

export function fromDecisionEntity(entity: DecisionEntity): DecisionRecord {
  return {
    id: entity.id,
    title: entity.title,
    summary: entity.summary,
    unit: entity.unit,
    category: entity.category,
    confidential: Boolean(entity.confidential),
    publicVisible: Boolean(entity.publicVisible),
    riskAssessmentRequired: Boolean(entity.riskAssessmentRequired),
    stage: entity.stage as Stage,
    plannedDates: JSON.parse(entity.plannedDates) as Record<string, string>,
    registeredAt: entity.registeredAt,
    updatedAt: entity.updatedAt,
    lastInternalSeq: entity.lastInternalSeq,
    due: JSON.parse(entity.due) as DecisionRecord['due'],
    nextDueAt: entity.nextDueAt,
    overdue: Boolean(entity.overdue),
    progress: entity.progress === null ? null : Number(entity.progress),
  };
}

export function toDecisionEntity(record: DecisionRecord): DecisionEntity {
  return Object.assign(new DecisionEntity(), { ...record, plannedDates: JSON.stringify(record.plannedDates), due: JSON.stringify(record.due) });
}
