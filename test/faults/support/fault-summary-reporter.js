// The fault summary (issue 6): a table of what every fault test acknowledged, found, lost and
// duplicated (lines written by test/faults/support/ledger.ts). Anything lost or duplicated fails the run
// even if a test forgot to assert it.
const { existsSync, mkdirSync, readFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');

class FaultSummaryReporter {
  constructor(globalConfig) {
    const dir = join(globalConfig.rootDir, 'build-output', 'faults');
    mkdirSync(dir, { recursive: true });
    this.file = join(dir, `ledger-${process.pid}.jsonl`);
    rmSync(this.file, { force: true });
    // Test workers are forked after the reporters are built, so they inherit this.
    process.env.OD_FAULT_LEDGER = this.file;
    this.error = undefined;
  }

  onRunComplete() {
    if (!existsSync(this.file)) return;
    const entries = readFileSync(this.file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line));
    rmSync(this.file, { force: true });
    if (entries.length === 0) return;
    const header = ['fault test', 'acknowledged', 'found', 'lost', 'duplicated'];
    const rows = entries.map((e) => [
      e.name,
      String(e.acknowledged),
      String(e.found),
      String(e.lost),
      String(e.duplicated),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
    const out = ['', 'Fault summary', line(header), widths.map((w) => '-'.repeat(w)).join('  ')];
    for (const [i, e] of entries.entries()) {
      out.push(line(rows[i]));
      out.push(`  invariant: ${e.invariant}${e.note ? `\n  note: ${e.note}` : ''}`);
    }
    const bad = entries.filter((e) => e.lost !== 0 || e.duplicated !== 0);
    const totals = entries.reduce(
      (t, e) => ({
        acknowledged: t.acknowledged + e.acknowledged,
        found: t.found + e.found,
        lost: t.lost + e.lost,
        duplicated: t.duplicated + e.duplicated,
      }),
      { acknowledged: 0, found: 0, lost: 0, duplicated: 0 },
    );
    out.push(
      `faults: ${entries.length} checks, ${totals.acknowledged} acknowledged, ${totals.found} found, ${totals.lost} lost, ${totals.duplicated} duplicated`,
    );
    if (bad.length > 0) {
      out.push('', `!!! FAULT SUMMARY: ${bad.length} check(s) LOST OR DUPLICATED operations:`);
      for (const e of bad) out.push(`!!!   ${e.name}: lost ${e.lost}, duplicated ${e.duplicated}`);
      this.error = new Error(`fault summary: ${bad.length} check(s) lost or duplicated operations`);
    }
    process.stdout.write(`${out.join('\n')}\n`);
  }

  /** Jest marks the run failed when a reporter has an error. */
  getLastError() {
    return this.error;
  }
}
module.exports = FaultSummaryReporter;
