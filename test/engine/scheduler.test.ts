/**
 * The scheduler of the per-file pass, with fake workers: no threads, so every path (order, the
 * in-flight limit, a late start, a failing worker) is exercised directly.
 */
import { describe, expect, it } from 'vitest';
import type { DiscoveredEntry } from '../../src/discover/discover.js';
import type { FileOutcome } from '../../src/engine/check-file.js';
import {
  estimatedWorkMs,
  IN_FLIGHT,
  planThreads,
  schedule,
  type WorkerHandle,
} from '../../src/engine/pool.js';

const entries = (count: number): DiscoveredEntry[] =>
  Array.from({ length: count }, (_, i) => ({
    absolute: `/c/f${i}.fits`,
    path: `f${i}.fits`,
    kind: 'fits',
    isDirectory: false,
  }));

function outcome(entry: DiscoveredEntry, by: string): FileOutcome {
  return {
    entry: { path: entry.path, size: 0, sha256: null, kind: entry.kind, verdict: 'PASS' },
    record: { path: entry.path, kind: entry.kind, size: 0, sha256: null, header: {}, provenance: [] },
    findings: [
      {
        ruleId: 'x/by',
        severity: 'info',
        path: entry.path,
        hdu: null,
        keyword: null,
        offset: null,
        message: by,
      },
    ],
  };
}

interface FakeWorker extends WorkerHandle {
  name: string;
  maxPending: number;
  closed: boolean;
}

/** A worker that answers each batch on a later turn of the event loop; `failOn` fails that batch. */
function fakeWorker(name: string, failOn?: number): FakeWorker {
  let results: (outcomes: FileOutcome[]) => void = () => {};
  let failure: (error: Error) => void = () => {};
  let pending = 0;
  let batches = 0;
  const worker: FakeWorker = {
    name,
    maxPending: 0,
    closed: false,
    send(batch) {
      pending++;
      batches++;
      worker.maxPending = Math.max(worker.maxPending, pending);
      const number = batches;
      setImmediate(() => {
        pending--;
        if (number === failOn) failure(new Error(`${name} failed`));
        else results(batch.map((entry) => outcome(entry, name)));
      });
    },
    onResults: (listener) => {
      results = listener;
    },
    onFailure: (listener) => {
      failure = listener;
    },
    close: async () => {
      worker.closed = true;
    },
  };
  return worker;
}

describe('schedule', () => {
  it('checks every file exactly once on one thread, in order, with no worker', async () => {
    const done: string[] = [];
    await schedule(entries(50), {
      threads: 1,
      startAtOnce: true,
      checkHere: (entry) => outcome(entry, 'main'),
      startWorker: () => {
        throw new Error('no worker should start');
      },
      onDone: (result) => done.push(result.entry.path),
    });
    expect(done).toEqual(entries(50).map((entry) => entry.path));
  });

  it('shares the files between the main thread and the workers, each once', async () => {
    const workers: FakeWorker[] = [];
    const by = new Map<string, string>();
    await schedule(entries(1000), {
      threads: 3,
      startAtOnce: true,
      // A slow main thread, so that the workers get their share.
      checkHere: (entry) => new Promise((resolve) => setImmediate(() => resolve(outcome(entry, 'main')))),
      startWorker: () => {
        const worker = fakeWorker(`w${workers.length}`);
        workers.push(worker);
        return worker;
      },
      onDone: (result) => {
        expect(by.has(result.entry.path), result.entry.path).toBe(false);
        by.set(result.entry.path, result.findings[0]!.message);
      },
    });
    expect(by.size).toBe(1000);
    expect(workers).toHaveLength(2);
    for (const worker of workers) {
      expect([...by.values()].filter((name) => name === worker.name).length).toBeGreaterThan(0);
      expect(worker.maxPending).toBeLessThanOrEqual(IN_FLIGHT);
      expect(worker.closed).toBe(true);
    }
  });

  it('fails the run when a worker fails', async () => {
    const run = schedule(entries(500), {
      threads: 2,
      startAtOnce: true,
      checkHere: (entry) => new Promise((resolve) => setImmediate(() => resolve(outcome(entry, 'main')))),
      startWorker: () => fakeWorker('broken', 2),
      onDone: () => {},
    });
    await expect(run).rejects.toThrow('broken failed');
  });

  it('starts the workers late, once the work left repays them, and not when it does not', async () => {
    const run = async (worth: boolean) => {
      let clock = 0;
      let started = 0;
      await schedule(entries(400), {
        threads: 2,
        startAtOnce: false,
        checkHere: (entry) => {
          clock += 20;
          return outcome(entry, 'main');
        },
        now: () => clock,
        worthStarting: () => worth,
        startWorker: () => {
          started++;
          return fakeWorker('late');
        },
        onDone: () => {},
      });
      return started;
    };
    expect(await run(true)).toBe(1);
    expect(await run(false)).toBe(0);
  });
});

describe('planThreads', () => {
  it('starts workers at once for an explicit --jobs from 2,000 files, and never for fewer', () => {
    expect(planThreads(4, 1999, 8)).toEqual({ threads: 1, startAtOnce: false });
    expect(planThreads(4, 2000, 8)).toEqual({ threads: 4, startAtOnce: true });
    expect(planThreads(1, 50_000, 8)).toEqual({ threads: 1, startAtOnce: false });
  });

  it('by default uses every core, starting late below 10,000 files', () => {
    expect(planThreads(0, 500, 2)).toEqual({ threads: 2, startAtOnce: false });
    expect(planThreads(0, 10_000, 2)).toEqual({ threads: 2, startAtOnce: true });
    expect(planThreads(0, 1, 8)).toEqual({ threads: 1, startAtOnce: false });
  });

  it('starts workers at once for a few files whose sizes promise enough work', () => {
    const mosaics = 4 * 207_362_880;
    // With SHA-256, four 207 MB mosaics are about half a second of work: worth a worker at once.
    expect(planThreads(0, 4, 2, estimatedWorkMs(mosaics, true))).toEqual({ threads: 2, startAtOnce: true });
    // Without it, a sixth of a second: less than a worker costs.
    expect(planThreads(0, 4, 2, estimatedWorkMs(mosaics, false))).toEqual({
      threads: 2,
      startAtOnce: false,
    });
    expect(planThreads(0, 4, 2, estimatedWorkMs(4 * 37_440, true))).toEqual({
      threads: 2,
      startAtOnce: false,
    });
    // An explicit --jobs below 2,000 files keeps one thread, whatever the sizes.
    expect(planThreads(2, 4, 2, estimatedWorkMs(mosaics, true))).toEqual({ threads: 1, startAtOnce: false });
  });
});
