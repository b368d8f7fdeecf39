import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import {
  type DisclosureAction,
  type DisclosureCommand,
  DomainError,
  type StaffActor,
} from '../../../../../libs/domain/src';
import { currentStaffRequest } from '../../../../../libs/persistence/src';
import { toDomainError } from '../../../../../libs/temporal/src';
import { type DisclosureCaseView, disclosureUpdate, disclosureWorkflowId } from '../../../../../workflows/definitions';
import { DATA_SOURCE, TEMPORAL_CLIENT } from '../../common/tokens';
import { ownDisclosureRequest } from '../disclosure-case';
import { IssueReplyHandler } from '../issue-reply/issue-reply.handler';
import { isDisclosureAction, parseDisclosureCommand } from './command-schemas';

/**
 * A staff command on a disclosure case → the case workflow's Update of the same name (ADR 83). The
 * Update's validator is the fold: a refusal answers its `DISCLOSURE_*` code and records nothing. `reply`
 * issues the approved draft with its rendered document (ADR 103). Sent with an Idempotency-Key, the
 * scoped key is the update id, as for decisions (ADR 26).
 */
@Injectable()
export class ActOnDisclosureRequestHandler {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly issueReply: IssueReplyHandler,
  ) {}

  async execute(requestId: string, action: string, body: unknown, actor: StaffActor): Promise<DisclosureCaseView> {
    if (!isDisclosureAction(action)) throw new DomainError('UNKNOWN_ACTION', 'not_found', `No command ${action}.`);
    const command = parseDisclosureCommand(action, body);
    const request = await ownDisclosureRequest(this.dataSource, requestId, actor);
    if (request.stage === 'archive')
      throw new DomainError('DISCLOSURE_CASE_CLOSED', 'conflict', 'The request is archived.');
    if (action === 'reply')
      return this.issueReply.execute(request, command.date, (document, outcome) =>
        this.send(requestId, 'reply', { outcome, document, ...(command.date ? { date: command.date } : {}) }, actor),
      );
    return this.send(requestId, action, command, actor);
  }

  /** Sends one Update, within the request's deadline, its refusal as the domain error. */
  send<A extends DisclosureAction>(
    requestId: string,
    action: A,
    command: DisclosureCommand<A>,
    actor: StaffActor,
  ): Promise<DisclosureCaseView> {
    const staffRequest = currentStaffRequest();
    const handle = this.client.workflow.getHandle(disclosureWorkflowId(requestId));
    const update = (): Promise<DisclosureCaseView> =>
      handle.executeUpdate(disclosureUpdate(action), {
        args: [{ actor, command }],
        ...(staffRequest?.key ? { updateId: staffRequest.key } : {}),
      });
    return (staffRequest ? this.client.withDeadline(staffRequest.deadline, update) : update()).catch(
      (error: unknown) => {
        throw toDomainError(error);
      },
    );
  }
}
