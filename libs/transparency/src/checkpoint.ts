import { type Hash } from './hashing';
import { NoteError, openNote, type NoteSigner, type NoteVerifier, signNote } from './note';

/**
 * C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint): the note text
 * `<origin>\n<size>\n<base64 root>\n` and any extension lines, signed by the log's key.
 */
export interface Checkpoint {
  origin: string;
  size: number;
  root: Hash;
  /** Lines after the root, each without its newline; none by default. */
  extensions?: string[];
}

export function checkpointText({ origin, size, root, extensions = [] }: Checkpoint): string {
  if (!origin || /\n/u.test(origin)) throw new NoteError('checkpoint origin must be one non-empty line');
  if (root.length !== 32) throw new NoteError('checkpoint root must be 32 bytes');
  return [origin, String(size), root.toString('base64'), ...extensions].join('\n') + '\n';
}

export function parseCheckpointText(text: string): Checkpoint {
  const lines = text.split('\n');
  const [origin, sizeLine, rootLine] = lines;
  if (lines.at(-1) !== '' || !origin || sizeLine === undefined || rootLine === undefined)
    throw new NoteError('malformed checkpoint');
  if (!/^(0|[1-9][0-9]*)$/u.test(sizeLine) || !Number.isSafeInteger(Number(sizeLine)))
    throw new NoteError('malformed checkpoint size');
  const root = Buffer.from(rootLine, 'base64');
  if (root.length !== 32 || root.toString('base64') !== rootLine) throw new NoteError('malformed checkpoint root');
  const extensions = lines.slice(3, -1);
  return { origin, size: Number(sizeLine), root, ...(extensions.length > 0 ? { extensions } : {}) };
}

export function signCheckpoint(checkpoint: Checkpoint, signer: NoteSigner): string {
  return signNote(checkpointText(checkpoint), signer);
}

/** The checkpoint of a note signed by `verifier` whose origin is `origin`; throws NoteError otherwise. */
export function openCheckpoint(note: string, verifier: NoteVerifier, origin: string): Checkpoint {
  const { text } = openNote(note, verifier);
  const checkpoint = parseCheckpointText(text);
  if (checkpoint.origin !== origin)
    throw new NoteError(`checkpoint of origin ${checkpoint.origin}, expected ${origin}`);
  return checkpoint;
}
