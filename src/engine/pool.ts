import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DiscoveredEntry } from '../discover/discover.js';
import { checkEntry, type FileCheckEnvironment, type FileOutcome } from './check-file.js';

/** What a worker needs to rebuild the environment: plain data only (functions cannot cross threads). */
export interface WorkerSetup {
  settings: FileCheckEnvironment['settings'];
  config: FileCheckEnvironment['config'];
  hash: boolean;
  limits?: FileCheckEnvironment['limits'];
}

const BATCH = 64;
/** Below this many files, starting threads (about 0.3 s each, measured) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 2000;

const workerUrl = new URL('./worker.js', import.meta.url);

/**
 * The per-file pass on `jobs` worker threads (0 = one per core). Files go out in batches, outcomes
 * stream back and are merged on the main thread; a file's parsed headers never leave its worker.
 */
export function runFilesInWorkers(jobs: number) {
  return async (
    entries: DiscoveredEntry[],
    env: FileCheckEnvironment,
    onDone: (outcome: FileOutcome) => void,
  ) => {
    const threads = Math.min(jobs > 0 ? jobs : availableParallelism(), Math.ceil(entries.length / BATCH));
    // Compiled code only: under a TypeScript test runner the worker file does not exist.
    if (threads <= 1 || entries.length < MIN_FILES_FOR_WORKERS || !existsSync(fileURLToPath(workerUrl))) {
      for (const entry of entries) onDone(await checkEntry(entry, env));
      return;
    }
    const setup: WorkerSetup = {
      settings: env.settings,
      config: env.config,
      hash: env.hash,
      ...(env.limits ? { limits: env.limits } : {}),
    };
    let next = 0;
    const takeBatch = () => {
      const batch = entries.slice(next, next + BATCH);
      next += batch.length;
      return batch;
    };
    await Promise.all(
      Array.from({ length: threads }, () => {
        return new Promise<void>((resolve, reject) => {
          const worker = new Worker(workerUrl, { workerData: setup });
          const send = () => {
            const batch = takeBatch();
            if (batch.length === 0) {
              void worker.terminate().then(() => resolve());
              return;
            }
            worker.postMessage(batch);
          };
          worker.on('message', (outcomes: FileOutcome[]) => {
            for (const outcome of outcomes) onDone(outcome);
            send();
          });
          worker.on('error', reject);
          worker.on('exit', (code) => {
            if (code !== 0 && code !== 1) reject(new Error(`a worker thread stopped with code ${code}`));
          });
          send();
        });
      }),
    );
  };
}
