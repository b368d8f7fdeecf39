import { ClientFairness, type FairnessOptions } from './client-fairness';

/** Fake clocks: `pass(ms, busy)` moves wall time by ms, with the loop busy for `busy` of it; timers fire in order. */
function fairnessWith(options: Partial<FairnessOptions> = {}) {
  let now = 0;
  let busy = 0;
  const timers: Array<{ at: number; run: () => void }> = [];
  const fairness = new ClientFairness({
    maxInFlight: 2,
    maxWaiting: 1024,
    maxLoopShare: 0.5,
    windowMs: 1_000,
    now: () => now,
    loopBusy: () => busy,
    later: (run, ms) => void timers.push({ at: now + ms, run }),
    ...options,
  });
  const pass = (ms: number, busyMs = ms): void => {
    const until = now + ms;
    busy += busyMs;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const due = timers[0];
      if (!due || due.at > until) break;
      timers.shift();
      now = due.at;
      due.run();
    }
    now = until;
  };
  return { fairness, pass, timers };
}

/** One request of `key` that records when it started; `finish()` leaves. */
function request(fairness: ClientFairness, key: string, started: string[], name: string) {
  const answer = fairness.enter(key, () => started.push(name));
  if (answer === 'now') started.push(name);
  return { answer, finish: () => fairness.leave(key) };
}

describe('per-client fairness: requests in flight (ADR 32)', () => {
  it('runs at most maxInFlight requests of a client, queues the rest in order and refuses past the queue bound', () => {
    const { fairness } = fairnessWith({ maxWaiting: 2 });
    const started: number[] = [];
    const answers = [1, 2, 3, 4, 5].map((n) => fairness.enter('10.0.0.1', () => started.push(n)));
    expect(answers).toEqual(['now', 'now', 'queued', 'queued', 'full']);
    expect(fairness.enter('10.0.0.2', () => undefined)).toBe('now');
    fairness.leave('10.0.0.1');
    expect(started).toEqual([3]);
    fairness.leave('10.0.0.1');
    fairness.leave('10.0.0.1');
    expect(started).toEqual([3, 4]);
    expect(fairness.load('10.0.0.1')).toMatchObject({ running: 1, waiting: 0 });
    fairness.leave('10.0.0.1');
    expect(fairness.load('10.0.0.1')).toMatchObject({ running: 0, waiting: 0 });
  });
});

describe('per-client fairness: share of the event loop (ADR 35)', () => {
  it('charges a client the loop time its requests ran, shared equally with the requests running beside them', () => {
    const { fairness, pass } = fairnessWith({ maxLoopShare: 1 });
    fairness.enter('flood', () => undefined);
    fairness.enter('flood', () => undefined);
    fairness.enter('reader', () => undefined);
    pass(30);
    // 30 ms busy among three running requests: 20 to the flood's two, 10 to the reader's one.
    expect(fairness.load('flood').loopShare).toBeCloseTo(0.02, 5);
    expect(fairness.load('reader').loopShare).toBeCloseTo(0.01, 5);
  });

  it('charges nothing for time a request waits on an idle loop (Temporal, the network)', () => {
    const { fairness, pass } = fairnessWith();
    fairness.enter('staff', () => undefined);
    pass(500, 0);
    fairness.leave('staff');
    expect(fairness.load('staff').loopShare).toBe(0);
  });

  it('never paces a client that is alone, however much of the loop it takes', () => {
    const { fairness, pass } = fairnessWith();
    const started: string[] = [];
    for (let n = 0; n < 200; n += 1) {
      const { answer, finish } = request(fairness, 'flood', started, `f${n}`);
      expect(answer).toBe('now');
      pass(10);
      finish();
    }
    expect(fairness.load('flood').loopShare).toBeGreaterThan(0.8);
    expect(started).toHaveLength(200);
  });

  it('paces a client over its share while another client is served, and lets it go on once its share has decayed', () => {
    const { fairness, pass } = fairnessWith();
    const started: string[] = [];
    for (let n = 0; n < 100; n += 1) {
      request(fairness, 'flood', started, `f${n}`);
      pass(10);
      fairness.leave('flood');
    }
    const share = fairness.load('flood').loopShare;
    expect(share).toBeGreaterThan(0.5);
    const reader = request(fairness, 'reader', started, 'r1');
    expect(reader.answer).toBe('now');
    pass(1);
    reader.finish();
    // The flood's next request waits (queued, not refused) while the reader was served within the window.
    expect(request(fairness, 'flood', started, 'paced').answer).toBe('queued');
    expect(started).not.toContain('paced');
    // …until its charge has decayed to half the window: 1000 × ln(share / 0.5) ms.
    const delay = Math.ceil(1_000 * Math.log(fairness.load('flood').loopShare / 0.5));
    expect(delay).toBeGreaterThan(100);
    pass(delay - 1, 0);
    expect(started).not.toContain('paced');
    pass(1, 0);
    expect(started).toContain('paced');
    expect(fairness.load('flood').loopShare).toBeLessThanOrEqual(0.5);
  });

  it('holds a flooding client to about its share of a busy loop while another client keeps reading, refusing nothing', () => {
    const { fairness, pass } = fairnessWith();
    const started: string[] = [];
    const flood: Array<{ answer: string }> = [];
    // 64 connections of one client, each sending its next request as its last is answered.
    for (let n = 0; n < 64; n += 1) flood.push(request(fairness, 'flood', started, 'flood'));
    let floodDone = 0;
    let readerBusy = 0;
    for (let ms = 0; ms < 10_000; ms += 1) {
      const load = fairness.load('flood');
      // Each running flood request takes 0.5 ms of loop; the reader one request of 0.2 ms every 5 ms.
      const reading = ms % 5 === 0;
      if (reading) fairness.enter('reader', () => undefined);
      pass(1, Math.min(1, 0.5 * load.running + (reading ? 0.2 : 0)));
      if (reading) {
        fairness.leave('reader');
        readerBusy += 0.2;
      }
      for (let k = 0; k < load.running; k += 1) {
        fairness.leave('flood');
        floodDone += 1;
        flood.push(request(fairness, 'flood', started, 'flood'));
      }
    }
    expect(flood.every((entry) => entry.answer !== 'full')).toBe(true);
    // Alone it would run 2 requests per ms (1 ms of loop per ms); paced, it keeps about half the loop.
    const floodLoopMs = floodDone * 0.5;
    expect(floodLoopMs / 10_000).toBeGreaterThan(0.3);
    expect(floodLoopMs / 10_000).toBeLessThan(0.6);
    expect(readerBusy).toBeCloseTo(400, 0);
  });

  it('gives the flood the whole loop again once the other client has been gone for the window', () => {
    const { fairness, pass } = fairnessWith();
    const started: string[] = [];
    for (let n = 0; n < 64; n += 1) request(fairness, 'flood', started, 'flood');
    const doneIn: number[] = [0, 0, 0, 0];
    for (let ms = 0; ms < 4_000; ms += 1) {
      const running = fairness.load('flood').running;
      // The flood is alone for a second, then the reader reads for a second, then it is gone.
      const reading = ms >= 1_000 && ms < 2_000 && ms % 5 === 0;
      if (reading) fairness.enter('reader', () => undefined);
      pass(1, Math.min(1, 0.5 * running + (reading ? 0.2 : 0)));
      if (reading) fairness.leave('reader');
      for (let k = 0; k < running; k += 1) {
        fairness.leave('flood');
        doneIn[Math.floor(ms / 1_000)]! += 1;
        request(fairness, 'flood', started, 'flood');
      }
    }
    // All of the loop alone (2,000 answers a second), about half beside the reader, all of it again a window after.
    expect(doneIn[0]).toBeGreaterThan(1_900);
    expect(doneIn[1]).toBeLessThan(1_300);
    expect(doneIn[3]).toBeGreaterThan(1_900);
  });

  it('does not pace anyone with a share of 1 (CLIENT_MAX_LOOP_SHARE=1)', () => {
    const { fairness, pass } = fairnessWith({ maxLoopShare: 1 });
    const started: string[] = [];
    for (let n = 0; n < 100; n += 1) {
      request(fairness, 'flood', started, `f${n}`);
      pass(10);
      fairness.leave('flood');
    }
    request(fairness, 'reader', started, 'r1').finish();
    expect(request(fairness, 'flood', started, 'next').answer).toBe('now');
  });

  it('forgets idle clients once their charge has decayed, so a scan of many addresses does not hold memory', () => {
    const { fairness, pass } = fairnessWith();
    for (let n = 0; n < 3_000; n += 1) {
      fairness.enter(`10.0.${n >> 8}.${n & 255}`, () => undefined);
      pass(1);
      fairness.leave(`10.0.${n >> 8}.${n & 255}`);
    }
    pass(60_000, 0);
    fairness.enter('10.9.9.9', () => undefined);
    expect(fairness.tracked).toBe(1);
  });
});
