import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DomainError } from '../../../../../libs/domain/src';
import {
  checkpointOfSize,
  type NewCosignature,
  recordCosignatures,
  sha256Hex,
} from '../../../../../libs/persistence/src';
import {
  cosignatureLineTime,
  NoteError,
  type NoteSignature,
  type NoteVerifier,
  parseCheckpointText,
  parseNote,
  signatureLine,
} from '../../../../../libs/transparency/src';
import type { GatewayConfig } from '../../config';
import { CONFIG, DATA_SOURCE } from '../../common/tokens';
import type { CosignatureReceipt } from './submit-cosignature.dto';

const KEY = /^[\x21-\x7E]{1,128}$/;
const MAX_NOTE_CHARS = 65_536;
/** The tree sizes the checkpoints table can hold (a 32-bit integer column). */
const MAX_TREE_SIZE = 2 ** 31 - 1;
/** A cosignature may state a time at most this far ahead of the deployment's clock. */
const MAX_CLOCK_SKEW_SECONDS = 600;

export interface SubmittedCosignatures {
  receipt: CosignatureReceipt;
  replayed: boolean;
}

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

/**
 * Accepts witnesses' cosignatures of this log's checkpoints (issue 19, ADR 61): the note's text must be
 * exactly a checkpoint this log signed and stored; each of its lines by a configured witness (name and
 * key hash, `TLOG_WITNESSES`) must verify as C2SP tlog-cosignature/v1 and is then kept. The log's own
 * signature line, and lines by witnesses not configured next to a configured one, are ignored: a witness
 * may cosign the served note with everyone's cosignatures on it.
 */
@Injectable()
export class SubmitCosignatureHandler {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  async execute(body: unknown, idempotencyKey: string | undefined, now: Date): Promise<SubmittedCosignatures> {
    if (idempotencyKey !== undefined && !KEY.test(idempotencyKey))
      throw new DomainError(
        'INVALID_IDEMPOTENCY_KEY',
        'invalid',
        'Idempotency-Key must be 1–128 printable ASCII characters.',
      );
    const note = noteOf(body);
    const { text, signatures, size } = parsed(note);
    const stored = size <= MAX_TREE_SIZE ? await checkpointOfSize(this.dataSource, size) : null;
    const ours = stored && parseNote(stored.note);
    if (!ours || ours.text !== text)
      throw new DomainError('CHECKPOINT_NOT_ISSUED', 'invalid', 'This log signed no such checkpoint.');
    const lines = signatures.filter((s) => !ours.signatures.some((o) => o.name === s.name && o.keyHash === s.keyHash));
    if (lines.length === 0)
      throw new DomainError('COSIGNED_NOTE_MALFORMED', 'invalid', 'The note carries no witness cosignature.');
    const cosignatures = this.verified(text, lines, now);
    const recorded = await recordCosignatures(
      this.dataSource,
      size,
      cosignatures,
      { idempotencyKey: idempotencyKey ?? null, requestHash: sha256Hex(note) },
      now,
    );
    const receipt = {
      treeSize: size,
      added: recorded.added,
      cosignatures: recorded.cosignatures.map((c) => ({
        witness: c.witnessName,
        keyHash: c.keyHash,
        cosignedAt: c.cosignedAt,
        receivedAt: c.receivedAt,
      })),
    };
    return { receipt, replayed: recorded.replayed };
  }

  /** The configured witnesses' lines, each verified; one per witness key (the first). */
  private verified(text: string, lines: NoteSignature[], now: Date): NewCosignature[] {
    const found = new Map<string, NewCosignature>();
    for (const line of lines) {
      const witness = this.witnessOf(line);
      const key = `${line.name}+${hex8(line.keyHash)}`;
      if (!witness || found.has(key)) continue;
      const time = cosignatureLineTime(text, line, witness);
      if (time === null || time > now.getTime() / 1000 + MAX_CLOCK_SKEW_SECONDS)
        throw new DomainError(
          'COSIGNATURE_INVALID',
          'invalid',
          time === null
            ? `The cosignature by ${line.name} does not verify with its configured key.`
            : `The cosignature by ${line.name} states a time in the future.`,
          { witness: line.name },
        );
      found.set(key, {
        witnessName: line.name,
        keyHash: hex8(line.keyHash),
        signatureLine: signatureLine(line.name, line.keyHash, line.signature),
        cosignedAt: new Date(time * 1000).toISOString(),
      });
    }
    if (found.size === 0)
      throw new DomainError(
        'UNKNOWN_WITNESS',
        'invalid',
        'No cosignature in the note is by a witness this deployment is configured with.',
      );
    return [...found.values()];
  }

  private witnessOf(line: NoteSignature): NoteVerifier | undefined {
    return this.config.TLOG_WITNESSES.find((w) => w.name === line.name && w.keyHash === line.keyHash);
  }
}

/** The note of a `text/plain` body or of JSON `{"note": "…"}`. */
function noteOf(body: unknown): string {
  const note =
    typeof body === 'string'
      ? body
      : typeof body === 'object' && body !== null && !Array.isArray(body)
        ? (body as { note?: unknown }).note
        : undefined;
  if (typeof note !== 'string' || (typeof body === 'object' && Object.keys(body as object).length !== 1))
    throw new DomainError('VALIDATION_FAILED', 'invalid', 'Send the cosigned note as text/plain or as {"note": "…"}.', {
      field: 'note',
    });
  if (note.length > MAX_NOTE_CHARS)
    throw new DomainError(
      'COSIGNED_NOTE_MALFORMED',
      'invalid',
      `A cosigned note has at most ${MAX_NOTE_CHARS} characters.`,
    );
  return note;
}

function parsed(note: string): { text: string; signatures: NoteSignature[]; size: number } {
  try {
    const { text, signatures } = parseNote(note);
    return { text, signatures, size: parseCheckpointText(text).size };
  } catch (error) {
    if (!(error instanceof NoteError)) throw error;
    throw new DomainError('COSIGNED_NOTE_MALFORMED', 'invalid', `Not a C2SP signed checkpoint note: ${error.message}.`);
  }
}
