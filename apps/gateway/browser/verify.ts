// The browser verifier of /decisions/{id}/verify: downloads the decision's public timeline and checks it
// with the same `verifyTimeline` as the `open-decision verify` command, hashing with the pure sha256 of
// libs/domain (WebCrypto is asynchronous and missing on plain-http pages). Words come from the page's
// data attributes, so this bundle carries no language of its own.
import { pureSha256Hex } from '../../../libs/domain/src/log/sha256';
import { shortHash, verifyTimeline, type TimelineVerdict } from '../../../libs/domain/src/log/timeline-verification';

const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));

function describe(root: HTMLElement, verdict: TimelineVerdict): { ok: boolean; text: string } {
  const words = root.dataset;
  if (verdict.ok)
    return {
      ok: true,
      text: fill(words['msgOk'] ?? '', { n: verdict.entries, seq: verdict.head.seq, hash: verdict.head.hash }),
    };
  const key = `msg${verdict.problem
    .split('_')
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('')}`;
  const problem = words[key] ?? verdict.reason;
  // The English reason carries the values compared; other languages get the plain words and the hashes.
  const detail =
    document.documentElement.lang === 'en'
      ? verdict.reason
      : `${problem}${verdict.problem === 'hash' || verdict.problem === 'prev_hash' ? `：${shortHash(verdict.expected)} ≠ ${shortHash(verdict.actual)}` : ''}`;
  return { ok: false, text: fill(words['msgFail'] ?? '', { seq: verdict.seq, reason: detail }) };
}

async function run(root: HTMLElement): Promise<void> {
  const status = document.getElementById('verify-status')!;
  const note = document.getElementById('verify-note');
  const again = document.getElementById('verify-again');
  const decisionId = root.dataset['decision'] ?? '';
  status.className = 'notice';
  status.textContent = root.dataset['msgRunning'] ?? '';
  if (note) note.hidden = true;
  try {
    const response = await fetch(`/api/v1/public/decisions/${encodeURIComponent(decisionId)}/timeline`, {
      headers: { accept: 'application/json' },
      cache: 'no-store',
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const verdict = verifyTimeline(decisionId, (await response.json()) as unknown, pureSha256Hex);
    const { ok, text } = describe(root, verdict);
    status.className = `notice ${ok ? 'notice--ok verdict--ok' : 'notice--error verdict--bad'}`;
    status.textContent = text;
    status.dataset['verdict'] = ok ? 'ok' : 'fail';
    if (note) note.hidden = !ok;
  } catch (error) {
    status.className = 'notice notice--error verdict--bad';
    status.textContent = fill(root.dataset['msgError'] ?? '', {
      reason: error instanceof Error ? error.message : String(error),
    });
    status.dataset['verdict'] = 'error';
  }
  if (again) again.hidden = false;
}

function start(): void {
  const root = document.getElementById('verifier');
  if (!root) return;
  document.getElementById('verify-again')?.addEventListener('click', () => void run(root));
  void run(root);
}

start();
