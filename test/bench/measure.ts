/**
 * Load generation and statistics. One operation is timed with `process.hrtime.bigint()`; `concurrency`
 * loops pull operations from a shared count, so at most that many are in flight. The first failure stops
 * every loop and is rethrown: a benchmark that errs measures nothing.
 */

/** One operation; `slot` is the index (0 … concurrency-1) of the loop that runs it. */
export type Operation = (slot: number) => Promise<void>;

export interface RunResult {
  /** Latency of each operation, milliseconds. */
  latenciesMs: number[];
  /** Wall time from the first start to the last end, milliseconds. */
  wallMs: number;
}

export async function runOperations(
  op: Operation,
  count: number,
  concurrency: number,
  signal?: AbortSignal,
): Promise<RunResult> {
  const latenciesMs: number[] = [];
  let next = 0;
  let failure: { error: unknown } | undefined;
  const loop = async (slot: number): Promise<void> => {
    while (next < count && !failure && !signal?.aborted) {
      next += 1;
      const opStarted = process.hrtime.bigint();
      try {
        await op(slot);
      } catch (error) {
        failure ??= { error };
        return;
      }
      latenciesMs.push(Number(process.hrtime.bigint() - opStarted) / 1e6);
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, (_, slot) => loop(slot)));
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  signal?.throwIfAborted();
  if (failure) throw failure.error;
  return { latenciesMs, wallMs };
}

export interface Stats {
  n: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
  /** Throughput at full concurrency by Little's law: concurrency ÷ mean latency (see measureGroup). */
  opsPerSec: number;
  /** Operations over the whole wall time, the drain at the end of each round included. */
  opsPerSecWall: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function statsOf(latenciesMs: number[], wallMs: number, concurrency: number): Stats {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  const meanMs = sorted.length ? sum / sorted.length : Number.NaN;
  return {
    n: sorted.length,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? Number.NaN,
    meanMs,
    opsPerSec: (concurrency * 1000) / meanMs,
    opsPerSecWall: wallMs > 0 ? (sorted.length * 1000) / wallMs : Number.NaN,
  };
}

export interface Figure {
  id: string;
  label: string;
  op: Operation;
}

export interface GroupOptions {
  concurrency: number;
  samples: number;
  warmup: number;
  rounds: number;
  /** Called between phases; throws when the system under test has died. */
  check?: () => void;
  /** Stops the load (an interrupted run). */
  signal?: AbortSignal;
}

/**
 * Measures figures that are compared with each other (a figure and its baselines) interleaved: after a
 * warm-up of each, the samples are taken in `rounds` rounds, and each round runs every figure for its
 * share, in an order rotated from round to round, so that a slow spell of this noisy machine falls on
 * all of them alike.
 *
 * Throughput is that of the closed loop at full concurrency, by Little's law: concurrency ÷ mean
 * latency. Operations over wall time (`opsPerSecWall`) also counts the drain at the end of each round,
 * while fewer loops are busy; on the dev server the last workflow tasks of a burst sometimes wait ~2 s
 * for a poller, which dominates a round of a few seconds and made that figure swing from run to run.
 */
export async function measureGroup(figures: Figure[], options: GroupOptions): Promise<Map<string, Stats>> {
  const { concurrency, samples, warmup, check, signal } = options;
  const rounds = Math.max(1, Math.min(options.rounds, samples));
  for (const figure of figures) {
    if (warmup > 0) await runOperations(figure.op, warmup, concurrency, signal);
    check?.();
  }
  const collected = new Map(figures.map((figure) => [figure.id, { latenciesMs: [] as number[], wallMs: 0 }]));
  for (let round = 0; round < rounds; round += 1) {
    const share = Math.floor(samples / rounds) + (round < samples % rounds ? 1 : 0);
    for (let i = 0; i < figures.length; i += 1) {
      const figure = figures[(i + round) % figures.length]!;
      const result = await runOperations(figure.op, share, concurrency, signal);
      const into = collected.get(figure.id)!;
      into.latenciesMs.push(...result.latenciesMs);
      into.wallMs += result.wallMs;
      check?.();
    }
  }
  return new Map([...collected].map(([id, run]) => [id, statsOf(run.latenciesMs, run.wallMs, concurrency)]));
}
