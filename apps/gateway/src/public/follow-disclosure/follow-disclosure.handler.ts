import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  type ApplicantCaseView,
  applicantCaseView,
  countWorkingDays,
  DEFAULT_DISCLOSURE_SETTINGS,
  type DisclosureOutcome,
  DomainError,
  type DueCount,
  foldCase,
  lookupSecretHash,
  maskedDocumentNumber,
  normalizeDisclosureReceipt,
  normalizeLookupSecret,
} from '../../../../../libs/domain/src';
import { currentCalendar, findApplicantCase, listUnits, type Unit } from '../../../../../libs/persistence/src';
import { DATA_SOURCE } from '../../common/tokens';

/** What the holder of a receipt and its secret sees: the case, and of the applicant only the name and a masked ID. */
export interface ApplicantLookup {
  receipt: string;
  unit: Unit | { id: string; name: string; nameEn: string };
  channel: string;
  applicantKind: string;
  informationDescription: string;
  deliveryForm: string;
  deliveryWay: string;
  applicant: { name: string; idDocumentType: string; idDocumentNumber: string };
  case: ApplicantCaseView;
  /** The reply due date with how it was counted, while the reply clock runs. */
  due?: { date: string; at: string; count: DueCount };
  reply?: { date: string; outcome: DisclosureOutcome };
}

/** The same answer for an unknown receipt, a wrong secret or a malformed one: no oracle. */
const notFound = (): DomainError =>
  new DomainError('DISCLOSURE_LOOKUP_NOT_FOUND', 'not_found', 'No request has this receipt and secret.');

@Injectable()
export class FollowDisclosureHandler {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /**
   * The case of `receipt` when `secret` is its secret, from the database only (the case log folded on the
   * current calendar, so a calendar change moves the due date here too), never from Temporal.
   */
  async execute(typedReceipt: string, typedSecret: string): Promise<ApplicantLookup> {
    const receipt = normalizeDisclosureReceipt(typedReceipt.slice(0, 64));
    const secret = normalizeLookupSecret(typedSecret.slice(0, 128));
    const record = receipt && secret && (await findApplicantCase(this.dataSource, receipt, lookupSecretHash(secret)));
    if (!record) throw notFound();
    const calendar = await currentCalendar(this.dataSource, new Date());
    const view = applicantCaseView(foldCase(record.events, calendar), calendar, DEFAULT_DISCLOSURE_SETTINGS);
    const { request, applicant } = record;
    const unit = (await listUnits(this.dataSource)).find((u) => u.id === request.unit);
    const replied = record.events.findLast((event) => event.type === 'Replied');
    let due: ApplicantLookup['due'];
    if (view.clock.status === 'running') {
      const { periodWorkingDays, pausedWorkingDays, dueDate } = view.clock;
      const counted = countWorkingDays(
        new Date(`${view.clockStartDate}T04:00:00.000Z`),
        periodWorkingDays + pausedWorkingDays,
        calendar,
      );
      due = { date: dueDate, at: counted.at.toISOString(), count: counted.count };
    }
    return {
      receipt: request.receipt,
      unit: unit ?? { id: request.unit, name: request.unit, nameEn: request.unit },
      channel: request.channel,
      applicantKind: request.applicantKind,
      informationDescription: request.informationDescription,
      deliveryForm: request.deliveryForm,
      deliveryWay: request.deliveryWay,
      applicant: {
        name: applicant.name,
        idDocumentType: applicant.idDocumentType,
        idDocumentNumber: maskedDocumentNumber(applicant.idDocumentLastFour),
      },
      case: view,
      ...(due ? { due } : {}),
      ...(replied?.type === 'Replied' ? { reply: { date: replied.date, outcome: replied.outcome } } : {}),
    };
  }
}
