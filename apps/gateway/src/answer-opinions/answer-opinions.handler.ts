import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { actsForAllUnits, DomainError, resolveAnswers, templateIdsOf, type AnswersRequest, type StaffActor } from '../../../../libs/domain/src';
import { findAnswerTemplates, findDecision, recordAnswers } from '../../../../libs/persistence/src';
import { DATA_SOURCE } from '../common/tokens';
import type { AnswersRecorded } from './answer-opinions.dto';

@Injectable()
export class AnswerOpinionsHandler {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /**
   * Records answers to clusters and opinions of a decision in the feedback stage, all or none. Staff of
   * the owning unit answer; reviewers and managers act for every unit (as for the raw opinions). The
   * templates are the owning unit's. Stage, publication and targets are checked in the write's own
   * transaction (`recordAnswers`).
   */
  async execute(decisionId: string, request: AnswersRequest, actor: StaffActor): Promise<AnswersRecorded> {
    const decision = await findDecision(this.dataSource, decisionId);
    if (!decision || (!actsForAllUnits(actor.role) && decision.unit !== actor.unit)) {
      throw new DomainError('DECISION_NOT_FOUND', 'not_found', `No decision ${decisionId} for your unit.`);
    }
    const templates = await findAnswerTemplates(this.dataSource, decision.unit, templateIdsOf(request));
    const answers = resolveAnswers(request, templates);
    return recordAnswers(this.dataSource, decisionId, answers, actor, new Date());
  }
}
