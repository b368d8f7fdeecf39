import { aRegistration } from '../../support/decisions';
import { call, publishForConsultation } from '../../support/http';
import { quietFor, untilTime } from '../../support/eventually';
import type { Replicas } from '../../support/replicas';
import type { TestDatabase } from '../../support/databases';
import { query } from '../../faults/support/consultation';
import { currentTestName, reconcile, type LedgerEntry } from '../../faults/support/ledger';
import {
  brokenTimelines,
  draftTagsFound,
  internalTypes,
  newTag,
  pollUntil,
  register,
  saveDraft,
  type Tokens,
} from '../../faults/support/steps';

export interface Fault {
  /** What breaks, for the ledger's invariant line. */
  what: string;
  /** Breaks it (e.g. SIGKILL a node). Called 2 s before the consultation's deadline. */
  begin(): Promise<void>;
  /** Called while it is broken, until 2 s after the deadline (e.g. to keep terminating connections). */
  during?(): Promise<void>;
  /** Repairs it (starts the node again). */
  end(): Promise<void>;
}

export interface FaultOutcome {
  entry: LedgerEntry;
  /** Acknowledgements a client received between `begin` and `end`: the cluster served through the fault. */
  duringFault: number;
  otherwise: string[];
  broken: string[];
}

/**
 * The cluster tier's one scenario (the idiom of test/faults/temporal-restart.faults.spec.ts): a consultation
 * whose deadline falls inside the fault; four clients register decisions and save draft versions through both
 * gateways, under Idempotency-Keys, before, during and after it. Afterwards every acknowledged registration and
 * version is in the log once, the deadline closed the consultation exactly once, and every chain verifies.
 */
export async function underFault(
  replicas: Replicas,
  db: TestDatabase,
  tokens: Tokens,
  fault: Fault,
): Promise<FaultOutcome> {
  const urls = replicas.baseUrls;
  const deadlineDecision = await register(urls[0]!, tokens);
  const opensAt = Date.now() + 1_500;
  const closesAt = opensAt + 6_000;
  await publishForConsultation(urls[1]!, tokens, deadlineDecision, {
    opensAt: new Date(opensAt).toISOString(),
    closesAt: new Date(closesAt).toISOString(),
  });
  await pollUntil(
    async () => (await call(urls[0]!, 'GET', `/api/v1/public/decisions/${deadlineDecision}`)).body.stage as string,
    (stage) => stage === 'consultation',
    15_000,
  );

  const run = newTag('load'); // this scenario's registrations carry it in their title (the database is shared)
  const registered: string[] = [];
  const drafts: string[] = [];
  const otherwise: string[] = [];
  const working: string[] = [];
  let running = true;
  let faultFrom = Number.POSITIVE_INFINITY;
  let faultUntil = Number.POSITIVE_INFINITY;
  let duringFault = 0;
  const acknowledged = (): void => {
    if (Date.now() >= faultFrom && Date.now() <= faultUntil) duringFault += 1;
  };
  const loop = async (c: number): Promise<void> => {
    for (let n = 0; running; n += 1) {
      const url = urls[(c + n) % 2]!;
      if (n % 3 === 0 || working.length === 0) {
        const reply = await call(url, 'POST', '/api/v1/decisions', {
          token: tokens.drafter,
          json: aRegistration({ title: `集群负载 ${run} ${c}-${n}` }),
        }).catch(() => ({ status: 0, body: {} as Record<string, unknown> }));
        if (reply.status === 201) {
          registered.push(reply.body.decisionId as string);
          working.push(reply.body.decisionId as string);
          acknowledged();
        } else otherwise.push(`register → ${reply.status}`);
      } else {
        const tag = newTag(`cluster-${c}-${n}`);
        const status = await saveDraft(url, tokens, working[(c + n) % working.length]!, tag);
        if (status === 200) {
          drafts.push(tag);
          acknowledged();
        } else otherwise.push(`${tag} → ${status}`);
      }
      if (otherwise.length > 0) await untilTime(Date.now() + 100); // do not spin while refused
    }
  };
  const loops = Array.from({ length: 4 }, (_, c) => loop(c));
  try {
    await untilTime(closesAt - 2_000);
    faultFrom = Date.now();
    await fault.begin();
    while (Date.now() < closesAt + 2_000) {
      if (fault.during) await fault.during();
      else await untilTime(closesAt + 2_000);
    }
    await fault.end();
    faultUntil = Date.now();
    await pollUntil(
      () => internalTypes(db.config, deadlineDecision),
      (types) => types.includes('ConsultationClosed'),
      60_000,
      500,
    );
    // A second close would follow right away: the log is watched for 1.5 s under load.
    await quietFor(1_500, () => internalTypes(db.config, deadlineDecision), { intervalMs: 250 });
  } finally {
    running = false;
    await Promise.all(loops);
  }

  const indeterminate = new Set(otherwise.map((line) => line.split(' ')[0]!));
  const registrations = await query<{ decision_id: string }>(
    db.config,
    `SELECT decision_id FROM internal_events WHERE type = 'DecisionRegistered' AND data LIKE '%${run}%'`,
  );
  const acknowledgedIds = new Set(registered);
  const unanswered = registrations.filter((r) => !acknowledgedIds.has(r.decision_id)).length;
  const tags = await draftTagsFound(db.config, registered);
  const closes = (await internalTypes(db.config, deadlineDecision)).filter((type) => type === 'ConsultationClosed');
  const entry = reconcile(
    currentTestName(),
    `${fault.what} under load ⇒ acknowledged registrations and draft versions all there once; the deadline due during it closes the consultation once`,
    [...registered, ...drafts, 'ConsultationClosed'],
    [
      ...registrations.map((r) => r.decision_id).filter((id) => acknowledgedIds.has(id)),
      ...tags.filter((tag) => !indeterminate.has(tag)),
      ...closes,
    ],
    `${registered.length} registrations and ${drafts.length} draft versions acknowledged (${duringFault} during the fault), ` +
      `${otherwise.length} answered otherwise (${unanswered} of those registrations applied); ` +
      `${closes.length} close(s) of the consultation due during the fault`,
  );
  const broken = await brokenTimelines(urls[1]!, [deadlineDecision, ...registered]);
  return { entry, duringFault, otherwise, broken };
}
