import type { ClusterFigure } from './cluster';
import type { CalendarFigures } from './calendar';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { FloodFigure } from './flood';
import { dirname } from 'node:path';
import { formatUpdateTasks, type UpdateTasks } from './history';
import type { Stats } from './measure';
import type { MillionResult } from './million';
import type { ReadFigure } from './reads';
import type { ReplicaFigures } from './replicas';
import type { TimerFigures } from './timers';
import type { TransparencyFigures } from './transparency';
import type { TreeCostFigure } from './tree-cost';

export interface FigureResult {
  id: string;
  label: string;
  baseline: boolean;
  concurrency: number;
  stats: Stats;
}

/** figure ÷ baseline, measured in the same run: >1 for latency means slower, <1 for ops/s means fewer. */
export interface RatioResult {
  figure: string;
  baseline: string;
  baselineLabel: string;
  concurrency: number;
  p50: number;
  p99: number;
  opsPerSec: number;
}

export interface DatabaseResult {
  database: 'sqlite' | 'postgres';
  figures: FigureResult[];
  ratios: RatioResult[];
  /** Workflow tasks per update and the worker's time in them, from the recorded histories (history.ts). */
  updateTasks?: Record<string, UpdateTasks>;
}

export interface BenchResults {
  startedAt: string;
  durationSec: number;
  machine: { cpus: number; cpuModel: string; loadAverageAtStart: number[]; node: string; platform: string };
  settings: {
    samples: number;
    warmup: number;
    rounds: number;
    latencyConcurrency: number;
    throughputConcurrency: number;
    pinning: string;
  };
  databases: DatabaseResult[];
  /** The million-opinion figure per database (BENCH_ONLY without `million`, or BENCH_MILLION=0: none). */
  million?: MillionResult[];
  /** Throughput with one and two gateways + workers (BENCH_ONLY without `replicas`: none). */
  replicas?: ReplicaFigures[];
  /** Re-targeting open decisions after one calendar change vs plain updates (BENCH_ONLY without `calendar`: none). */
  calendar?: CalendarFigures[];
  /** Another client's read p50 under a one-address flood, with and without per-client fairness (BENCH_ONLY without `flood`: none). */
  flood?: FloodFigure[];
  /** Registrations and staff actions per second on the cluster beside the dev server (BENCH_ONLY without `cluster`: none). */
  cluster?: ClusterFigure[];
  /** Open decisions with live timers and a batch due together, dev server and cluster (BENCH_ONLY without `timers`: none). */
  timers?: TimerFigures[];
  /** Public reads under wrk against /health/live of the same gateway (BENCH_ONLY without `reads`: none). */
  reads?: ReadFigure[];
  /** Appends, proofs and a checkpoint at a million leaves (BENCH_ONLY without `tlog`: none). */
  transparency?: TransparencyFigures[];
  /** A staff action with the transparency tree vs without it (BENCH_ONLY without `tlog-staff`: none). */
  treeCost?: TreeCostFigure[];
}

export function ratioOf(figure: FigureResult, baseline: FigureResult): RatioResult {
  return {
    figure: figure.id,
    baseline: baseline.id,
    baselineLabel: baseline.label,
    concurrency: figure.concurrency,
    p50: figure.stats.p50Ms / baseline.stats.p50Ms,
    p99: figure.stats.p99Ms / baseline.stats.p99Ms,
    opsPerSec: figure.stats.opsPerSec / baseline.stats.opsPerSec,
  };
}

const ms = (value: number): string => (value >= 100 ? value.toFixed(1) : value.toFixed(2));
const ratio = (value: number): string => `×${value.toFixed(2)}`;

/** The table of one database: every figure, and under each non-baseline figure its ratios. */
export function formatTable(result: DatabaseResult): string {
  const header = ['figure', 'conc', 'n', 'p50 ms', 'p99 ms', 'ops/s', 'p50 ×', 'p99 ×', 'ops/s ×', 'baseline'];
  const rows: string[][] = [];
  for (const figure of result.figures) {
    const { stats } = figure;
    const ratios = result.ratios.filter((r) => r.figure === figure.id && r.concurrency === figure.concurrency);
    const [first, ...more] = ratios;
    const ratioCells = (r: RatioResult | undefined): string[] =>
      r
        ? [ratio(r.p50), ratio(r.p99), ratio(r.opsPerSec), r.baselineLabel]
        : ['', '', '', figure.baseline ? '(baseline)' : ''];
    rows.push([
      figure.label,
      String(figure.concurrency),
      String(stats.n),
      ms(stats.p50Ms),
      ms(stats.p99Ms),
      stats.opsPerSec.toFixed(0),
      ...ratioCells(first),
    ]);
    for (const r of more) rows.push([`  ↳ ${figure.id}`, '', '', '', '', '', ...ratioCells(r)]);
  }
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((row) => [...(row[column] ?? '')].length)),
  );
  const numeric = new Set([1, 2, 3, 4, 5, 6, 7, 8]);
  const line = (row: string[]): string =>
    row
      .map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join('  ');
  const tasks = Object.entries(result.updateTasks ?? {}).map(([label, t]) => formatUpdateTasks(label, t));
  return [line(header), rule, ...rows.map(line), ...(tasks.length ? ['From the histories:', ...tasks] : [])].join('\n');
}

export function writeResults(file: string, results: BenchResults): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
