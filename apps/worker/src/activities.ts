import type { DataSource } from 'typeorm';
import { appendEvents, sealConsultation } from '../../../libs/persistence/src';
import type { DecisionActivities } from '../../../workflows/activities';

/** The activity implementations, bound to their dependencies. */
export function createActivities(dataSource: DataSource): DecisionActivities {
  return {
    async appendEvents({ decisionId, ...events }) {
      await appendEvents(dataSource, decisionId, events);
    },
    sealConsultation({ decisionId }) {
      return sealConsultation(dataSource, decisionId, new Date());
    },
  };
}
