import { canonicalize, type DecisionRecord, type Stage } from '../../domain/src';
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
  // Canonical JSON, so that a value folded live and one re-read from the log serialise identically.
  return Object.assign(new DecisionEntity(), {
    ...record,
    plannedDates: canonicalize(record.plannedDates),
    due: canonicalize(record.due),
  });
}
