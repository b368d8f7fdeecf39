import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  asCosigner,
  consistencyProof,
  cosignCheckpoint,
  formatVerifierKey,
  generateSignerKey,
  type Hash,
  inclusionProof,
  MemoryTree,
  parseSignerKey,
  rootHash,
  signCheckpoint,
} from './index';

/**
 * Interoperability (issue 19 §6): our checkpoints, signatures and proofs verify with Go's sumdb/note and
 * transparency-dev/merkle, and witness cosignatures with transparency-dev/formats, driven by
 * tools/tlog-interop. Skipped only when no `go` is on the PATH.
 */
const run = promisify(execFile);
const goDir = join(__dirname, '../../../tools/tlog-interop');
const hasGo = (() => {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasGo) console.warn('go-interop.int.spec: SKIPPED — no `go` on the PATH; CI and the dev machines have one.');
const describeWithGo = hasGo ? describe : describe.skip;

const ORIGIN = 'open-decision.example/transparency-log';
const b64 = (hashes: Hash[]): string[] => hashes.map((h) => h.toString('base64'));

function fixture(): object {
  const log = generateSignerKey(ORIGIN);
  const signer = parseSignerKey(log.signerKey);
  const tree = new MemoryTree();
  const leaves = Array.from({ length: 37 }, (_, i) =>
    Buffer.from(JSON.stringify({ decisionId: `d-${i % 5}`, seq: Math.floor(i / 5) + 1, type: 'ProgressReported' })),
  );
  leaves.forEach((leaf) => tree.appendLeaf(leaf));
  const sizes = [1, 2, 7, 8, 13, 32, 37];
  const checkpointAt = (size: number) => ({ origin: ORIGIN, size, root: rootHash(size, tree.lookup) });
  const checkpoints = sizes.map((size) => ({ size, note: signCheckpoint(checkpointAt(size), signer) }));
  const inclusion = sizes.flatMap((size) =>
    [0, Math.floor(size / 2), size - 1].map((index) => ({
      index,
      size,
      proof: b64(inclusionProof(index, size, tree.lookup)),
      valid: true,
    })),
  );
  const consistency = sizes.flatMap((second) =>
    sizes
      .filter((first) => first <= second)
      .map((first) => ({ first, second, proof: b64(consistencyProof(first, second, tree.lookup)), valid: true })),
  );
  const witnessKeys = generateSignerKey('witness.example/w1');
  const witness = asCosigner(parseSignerKey(witnessKeys.signerKey));
  const last = checkpoints.at(-1)!;
  const time = 1_765_000_000;
  // As the deployment serves the latest checkpoint (ADR 61): the log's note, then each kept cosignature
  // line; one witness published in the C2SP cosignature/v1 form (0x04), one in the plain Ed25519 form.
  const court = generateSignerKey('court.example.cn/w2');
  const courtSigner = asCosigner(parseSignerKey(court.signerKey));
  const cosignedBy = (size: number, signer: typeof witness, at: number) =>
    cosignCheckpoint(checkpointAt(size), signer, at);
  const retimed = (line: string) => {
    const [head, blob] = [
      line.slice(0, line.lastIndexOf(' ') + 1),
      Buffer.from(line.trim().split(' ').at(-1)!, 'base64'),
    ];
    blob.writeBigUInt64BE(blob.readBigUInt64BE(4) + 1n, 4);
    return `${head}${blob.toString('base64')}\n`;
  };
  return {
    origin: ORIGIN,
    logSignerKey: log.signerKey,
    logVerifierKey: log.verifierKey,
    leaves: leaves.map((leaf) => leaf.toString('base64')),
    checkpoints,
    inclusion: [...inclusion, ...tampered(inclusion)],
    consistency: [...consistency, ...tampered(consistency.filter((c) => c.proof.length > 0))],
    witness: {
      name: witness.name,
      publicKey: witness.publicKey.toString('base64'),
      note: last.note + cosignCheckpoint(checkpointAt(last.size), witness, time),
      time,
    },
    cosigned: {
      note: last.note + cosignedBy(last.size, witness, time) + cosignedBy(last.size, courtSigner, time + 60),
      witnesses: [
        { vkey: formatVerifierKey(witness), time },
        { vkey: court.verifierKey, time: time + 60 },
      ],
      refused: [
        {
          what: 'a cosignature whose time was changed',
          note: last.note + retimed(cosignedBy(last.size, witness, time)),
          witness: witness.name,
        },
        {
          what: 'a cosignature of another checkpoint',
          note: last.note + cosignedBy(32, courtSigner, time),
          witness: courtSigner.name,
        },
      ],
    },
  };
}

/** Each proof with its last element's first byte changed: the other side must refuse all of them. */
function tampered<T extends { proof: string[]; valid: boolean }>(claims: T[]): T[] {
  return claims
    .filter((c) => c.proof.length > 0)
    .map((c) => {
      const last = Buffer.from(c.proof.at(-1)!, 'base64');
      last.writeUInt8(last.readUInt8(0) ^ 0x10, 0);
      return { ...c, proof: [...c.proof.slice(0, -1), last.toString('base64')], valid: false };
    });
}

describeWithGo('interoperability with Go (sumdb/note, transparency-dev/formats and merkle)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tlog-interop-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('verifies our checkpoints, cosignature and proofs, and refuses the tampered proofs', async () => {
    const path = join(dir, 'fixture.json');
    writeFileSync(path, JSON.stringify(fixture()));
    const { stdout } = await run('go', ['test', '-count=1', '-v', './...'], {
      cwd: goDir,
      env: { ...process.env, TLOG_INTEROP_FIXTURE: path, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' },
      maxBuffer: 4 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string }) => {
      throw new Error(`go test failed:\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
    });
    for (const name of [
      'TestOurSignerKeySignsAsGoDoes',
      'TestCheckpointRootsMatchTheLeaves',
      'TestInclusionProofs',
      'TestConsistencyProofs',
      'TestWitnessCosignature',
      'TestCosignaturesWithTransparencyDevFormats',
    ])
      expect(stdout).toContain(`--- PASS: ${name}`);
  }, 180_000);
});
