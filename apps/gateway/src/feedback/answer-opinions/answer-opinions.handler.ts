import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { resolveAnswers, templateIdsOf, type AnswersRequest, type StaffActor } from '../../../../../libs/domain/src';
import { findAnswerTemplates, recordAnswers } from '../../../../../libs/persistence/src';
import { ownDecision } from '../../common/own-decision';
import { DATA_SOURCE } from '../../common/tokens';
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
    const decision = await ownDecision(this.dataSource, decisionId, actor);
    const templates = await findAnswerTemplates(this.dataSource, decision.unit, templateIdsOf(request));
    const answers = resolveAnswers(request, templates);
    return recordAnswers(this.dataSource, decisionId, answers, actor, new Date());
  }
}
