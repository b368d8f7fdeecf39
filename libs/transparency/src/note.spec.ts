import vectors from './testdata/rfc9162-vectors.json';
import {
  asCosigner,
  cosignatureLineTime,
  cosignatureTime,
  cosignCheckpoint,
  formatVerifierKey,
  generateSignerKey,
  leafHash,
  NoteError,
  openCheckpoint,
  openNote,
  parseCosignerKey,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signCheckpoint,
  signNote,
} from './index';

const { signerKey, verifierKey, text, note } = vectors.signedNote;
const ORIGIN = 'open-decision.example/log';

describe('signed notes (C2SP signed-note, Ed25519)', () => {
  it('reproduces the reference note byte for byte from the reference key', () => {
    expect(signNote(text, parseSignerKey(signerKey))).toBe(note);
  });

  it('opens the reference note with the reference verifier key', () => {
    expect(openNote(note, parseVerifierKey(verifierKey)).text).toBe(text);
  });

  it('refuses an altered text, a foreign key and a malformed key', () => {
    expect(() => openNote(note.replace('answer', 'amswer'), parseVerifierKey(verifierKey))).toThrow(NoteError);
    const other = parseVerifierKey(generateSignerKey('PeterNeumann').verifierKey);
    expect(() => openNote(note, other)).toThrow(/no signature by PeterNeumann/);
    expect(() => parseVerifierKey(verifierKey.replace('c74f20a3', 'c74f20a4'))).toThrow(NoteError);
    expect(() => parseSignerKey(signerKey.slice(0, -4))).toThrow(NoteError);
  });
});

describe('checkpoints and cosignatures (C2SP tlog-checkpoint, tlog-cosignature)', () => {
  const log = generateSignerKey(ORIGIN);
  const checkpoint = { origin: ORIGIN, size: 12, root: leafHash(Buffer.from('root')) };

  it('signs a checkpoint that opens to the same origin, size and root', () => {
    const signed = signCheckpoint(checkpoint, parseSignerKey(log.signerKey));
    expect(signed.split('\n').slice(0, 3)).toEqual([ORIGIN, '12', checkpoint.root.toString('base64')]);
    expect(openCheckpoint(signed, parseVerifierKey(log.verifierKey), ORIGIN)).toEqual(checkpoint);
    expect(() => openCheckpoint(signed, parseVerifierKey(log.verifierKey), 'another.example/log')).toThrow(NoteError);
    expect(() => openCheckpoint(signed.replace('\n12\n', '\n13\n'), parseVerifierKey(log.verifierKey), ORIGIN)).toThrow(
      NoteError,
    );
  });

  it('adds a witness cosignature that verifies with its time and fails on another checkpoint', () => {
    const witnessKeys = generateSignerKey('witness.example/w1');
    const witness = asCosigner(parseSignerKey(witnessKeys.signerKey));
    const signed = signCheckpoint(checkpoint, parseSignerKey(log.signerKey));
    const cosigned = signed + cosignCheckpoint(checkpoint, witness, 1_765_000_000);
    const verifier = asCosigner(parseVerifierKey(witnessKeys.verifierKey));
    expect(cosignatureTime(cosigned, verifier)).toBe(1_765_000_000);
    expect(openCheckpoint(cosigned, parseVerifierKey(log.verifierKey), ORIGIN).size).toBe(12);
    const grown = signCheckpoint({ ...checkpoint, size: 13 }, parseSignerKey(log.signerKey));
    expect(cosignatureTime(grown + cosigned.split('\n').at(-2)! + '\n', verifier)).toBeNull();
    expect(cosignatureTime(cosigned, parseVerifierKey(witnessKeys.verifierKey))).toBeNull();
  });

  it('checks one cosignature line at a time, and reads a witness key in either published form', () => {
    const witnessKeys = generateSignerKey('witness.example/w2');
    const witness = asCosigner(parseSignerKey(witnessKeys.signerKey));
    const cosigned =
      signCheckpoint(checkpoint, parseSignerKey(log.signerKey)) + cosignCheckpoint(checkpoint, witness, 1_765_000_001);
    const { text, signatures } = parseNote(cosigned);
    const c2sp = formatVerifierKey(witness);
    expect(c2sp).toMatch(/^witness\.example\/w2\+[0-9a-f]{8}\+/);
    for (const key of [c2sp, witnessKeys.verifierKey]) {
      expect(parseCosignerKey(key)).toEqual(parseCosignerKey(c2sp));
      expect(cosignatureLineTime(text, signatures[1]!, parseCosignerKey(key))).toBe(1_765_000_001);
      expect(cosignatureLineTime(text, signatures[0]!, parseCosignerKey(key))).toBeNull();
      expect(cosignatureLineTime(text.replace('12', '13'), signatures[1]!, parseCosignerKey(key))).toBeNull();
    }
    expect(() => parseCosignerKey('witness.example/w2+00000000+AAAA')).toThrow(NoteError);
  });
});
