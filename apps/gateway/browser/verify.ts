// The browser verifier of /decisions/{id}/verify: downloads the decision's public timeline and checks it
// with the same `verifyTimeline` as the `open-decision verify` command, hashing with the pure sha256 of
// libs/domain (WebCrypto is asynchronous and missing on plain-http pages). Words come from the page's
// data attributes, so this bundle carries no language of its own.
// With the log's public key (`data-log-key`), it then checks the transparency log as `open-decision
// verify --log-key` does, with the same pure proof checks (libs/transparency/src/proof-check.ts): the
// latest checkpoint's Ed25519 signature (WebCrypto), every entry's inclusion proof, and consistency with
// the checkpoint and the decision heads this browser saw before (kept in localStorage).
import { canonicalize } from '../../../libs/domain/src/log/jcs';
import type { PublicLogEntry } from '../../../libs/domain/src/log/public-log';
import { pureSha256Hex } from '../../../libs/domain/src/log/sha256';
import { shortHash, verifyTimeline, type TimelineVerdict } from '../../../libs/domain/src/log/timeline-verification';
import {
  fromBase64,
  parseCheckpointBody,
  parseVerifierKeyText,
  pureLeafHash,
  signaturesBy,
  splitNote,
  toBase64,
  verifyConsistency,
  verifyInclusion,
} from '../../../libs/transparency/src/proof-check';

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
  const logStatus = document.getElementById('verify-log');
  if (logStatus) logStatus.hidden = true;
  try {
    const response = await fetch(`/api/v1/public/decisions/${encodeURIComponent(decisionId)}/timeline`, {
      headers: { accept: 'application/json' },
      cache: 'no-store',
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body = (await response.json()) as unknown;
    const verdict = verifyTimeline(decisionId, body, pureSha256Hex);
    const { ok, text } = describe(root, verdict);
    status.className = `notice ${ok ? 'notice--ok verdict--ok' : 'notice--error verdict--bad'}`;
    status.textContent = text;
    status.dataset['verdict'] = ok ? 'ok' : 'fail';
    if (note) note.hidden = !ok;
    if (ok) await runLogCheck(root, decisionId, (body as { entries: PublicLogEntry[] }).entries);
  } catch (error) {
    status.className = 'notice notice--error verdict--bad';
    status.textContent = fill(root.dataset['msgError'] ?? '', {
      reason: error instanceof Error ? error.message : String(error),
    });
    status.dataset['verdict'] = 'error';
  }
  if (again) again.hidden = false;
}

const TRANSPARENCY = '/api/v1/public/transparency';

/** What this browser remembers of a log (localStorage): the last checkpoint it accepted and the heads it saw. */
interface SeenLog {
  size: number;
  /** base64 root of `size` leaves. */
  root: string;
  decisions: Record<string, { seq: number; hash: string }>;
}

/** The log check's outcome: a message key of the page (`log_…`) and the values it names. */
interface LogOutcome {
  verdict: 'ok' | 'fail' | 'unchecked';
  key: string;
  values: Record<string, string | number>;
}

class LogProblem extends Error {
  constructor(
    readonly key: string,
    readonly values: Record<string, string | number>,
  ) {
    super(key);
  }
}

const seenKey = (origin: string): string => `open-decision:tlog:${origin}`;

function readSeen(origin: string): SeenLog | null {
  try {
    const raw = localStorage.getItem(seenKey(origin));
    return raw ? (JSON.parse(raw) as SeenLog) : null;
  } catch {
    return null;
  }
}

function writeSeen(origin: string, seen: SeenLog): void {
  try {
    localStorage.setItem(seenKey(origin), JSON.stringify(seen));
  } catch {
    // Storage disabled or full: nothing is remembered, the next visit checks as a first one.
  }
}

/** Ed25519 with WebCrypto; `unsupported` where the browser has none (old browsers, plain-http pages). */
async function ed25519Verify(
  publicKey: Uint8Array,
  text: string,
  signatures: readonly Uint8Array[],
): Promise<boolean | 'unsupported'> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return 'unsupported';
  let key: CryptoKey;
  try {
    key = await subtle.importKey('raw', publicKey.slice(), { name: 'Ed25519' }, false, ['verify']);
  } catch {
    return 'unsupported';
  }
  const message = new TextEncoder().encode(text);
  for (const signature of signatures)
    if (!(await subtle.verify({ name: 'Ed25519' }, key, signature.slice(), message))) return false;
  return true;
}

async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store' });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok && response.status !== 404) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return { status: response.status, body };
}

function proofOf(body: Record<string, unknown>): Uint8Array[] {
  const proof = body['proof'];
  const hashes = Array.isArray(proof) ? proof.map((p) => (typeof p === 'string' ? fromBase64(p) : null)) : [null];
  if (hashes.some((hash) => hash === null)) throw new Error('a proof answer without a proof[] of base64 hashes');
  return hashes as Uint8Array[];
}

/** A leaf's bytes: the entry's eight hashed fields in JCS, UTF-8 (libs/persistence publicLogLeaf). */
function leafOf({ decisionId, seq, type, occurredAt, actor, data, prevHash, hash }: PublicLogEntry): Uint8Array {
  return pureLeafHash(
    new TextEncoder().encode(canonicalize({ decisionId, seq, type, occurredAt, actor, data, prevHash, hash })),
  );
}

/**
 * The transparency log's verdict on one decision whose chain verified: the checkpoint's signature, the
 * heads of the decisions this browser verified before (gone, shorter or changed fails: the most precise
 * message comes first), the checkpoint's consistency with the one this browser saw, and each entry's
 * inclusion. Remembers the checkpoint and heads
 * only when everything verified, signature included.
 */
async function checkLog(logKey: string, decisionId: string, entries: readonly PublicLogEntry[]): Promise<LogOutcome> {
  const key = parseVerifierKeyText(logKey);
  if ('error' in key) throw new LogProblem('log_signature', { reason: key.error });
  const response = await fetch(`${TRANSPARENCY}/checkpoint`, { cache: 'no-store' });
  if (response.status === 404) return { verdict: 'unchecked', key: 'log_none', values: {} };
  if (!response.ok) throw new Error(`GET ${TRANSPARENCY}/checkpoint: HTTP ${response.status}`);
  const note = splitNote(await response.text());
  if ('error' in note) throw new LogProblem('log_signature', { reason: note.error });
  const signatures = signaturesBy(note, key);
  if (signatures.length === 0) throw new LogProblem('log_signature', { reason: `no signature by ${key.name}` });
  const signed = await ed25519Verify(key.publicKey, note.text, signatures);
  if (signed === false) throw new LogProblem('log_signature', { reason: `invalid signature by ${key.name}` });
  const checkpoint = parseCheckpointBody(note.text);
  if ('error' in checkpoint) throw new LogProblem('log_signature', { reason: checkpoint.error });
  if (checkpoint.origin !== key.name)
    throw new LogProblem('log_signature', {
      reason: `checkpoint of origin ${checkpoint.origin}, expected ${key.name}`,
    });
  const { size, root } = checkpoint;
  const seen = readSeen(key.name);
  const heads = { ...(seen?.decisions ?? {}) };
  for (const [id, before] of Object.entries(heads)) {
    let chain = id === decisionId ? entries : undefined;
    if (!chain) {
      const answer = await getJson(`/api/v1/public/decisions/${encodeURIComponent(id)}/timeline`);
      if (answer.status === 404) throw new LogProblem('log_gone', { decision: id, was: before.seq });
      chain = Array.isArray(answer.body['entries']) ? (answer.body['entries'] as PublicLogEntry[]) : [];
    }
    const then = chain[before.seq - 1];
    if (!then) throw new LogProblem('log_truncated', { decision: id, was: before.seq, now: chain.length });
    if (then.hash !== before.hash)
      throw new LogProblem('log_changed', {
        decision: id,
        seq: before.seq,
        was: shortHash(before.hash),
        now: shortHash(then.hash),
      });
  }
  for (const entry of entries) {
    const query = `decisionId=${encodeURIComponent(entry.decisionId)}&seq=${entry.seq}&treeSize=${size}`;
    const answer = await getJson(`${TRANSPARENCY}/inclusion?${query}`);
    // An entry stored after the checkpoint is in the tree but not yet signed for.
    if (answer.status === 404 && answer.body['code'] === 'LOG_ENTRY_NOT_IN_TREE') continue;
    const index = answer.body['leafIndex'];
    const verdict =
      answer.status === 200 && typeof index === 'number'
        ? verifyInclusion(index, size, leafOf(entry), proofOf(answer.body), root)
        : { ok: false as const, reason: `no inclusion proof (HTTP ${answer.status})` };
    if (!verdict.ok) throw new LogProblem('log_inclusion', { seq: entry.seq, size, reason: verdict.reason });
  }
  if (seen && seen.size > 0) {
    if (size < seen.size) throw new LogProblem('log_shrank', { previous: seen.size, size });
    const answer = await getJson(`${TRANSPARENCY}/consistency?first=${seen.size}&second=${size}`);
    const verdict = verifyConsistency(
      seen.size,
      size,
      fromBase64(seen.root) ?? new Uint8Array(),
      root,
      proofOf(answer.body),
    );
    if (!verdict.ok)
      // Two signed checkpoints of one size with different roots: the log signed two trees (log_fork).
      throw new LogProblem(seen.size === size ? 'log_fork' : 'log_forked', {
        previous: seen.size,
        size,
        reason: verdict.reason,
      });
  }
  const values = { size, n: entries.length, previous: seen?.size ?? 0 };
  if (signed === 'unsupported') return { verdict: 'unchecked', key: 'log_unsigned', values };
  const head = entries.at(-1);
  if (head) heads[decisionId] = { seq: head.seq, hash: head.hash };
  writeSeen(key.name, { size, root: toBase64(root), decisions: heads });
  return { verdict: 'ok', key: seen && seen.size > 0 ? 'log_ok' : 'log_first', values };
}

/** Runs the log check when the page names the log's key, and shows its outcome in #verify-log. */
async function runLogCheck(root: HTMLElement, decisionId: string, entries: readonly PublicLogEntry[]): Promise<void> {
  const logKey = root.dataset['logKey'];
  const status = document.getElementById('verify-log');
  if (!logKey || !status) return;
  status.hidden = false;
  status.className = 'notice';
  status.textContent = root.dataset['msgLogRunning'] ?? '';
  let outcome: LogOutcome;
  try {
    outcome = await checkLog(logKey, decisionId, entries);
  } catch (error) {
    outcome =
      error instanceof LogProblem
        ? { verdict: 'fail', key: error.key, values: error.values }
        : {
            verdict: 'fail',
            key: 'log_error',
            values: { reason: error instanceof Error ? error.message : String(error) },
          };
  }
  const word = `msg${outcome.key
    .split('_')
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('')}`;
  status.className = `notice ${{ ok: 'notice--ok verdict--ok', fail: 'notice--error verdict--bad', unchecked: 'notice--warn' }[outcome.verdict]}`;
  status.textContent = fill(root.dataset[word] ?? outcome.key, outcome.values);
  status.dataset['verdict'] = outcome.verdict;
  status.dataset['problem'] = outcome.key;
}

function start(): void {
  const root = document.getElementById('verifier');
  if (!root) return;
  document.getElementById('verify-again')?.addEventListener('click', () => void run(root));
  void run(root);
}

start();
