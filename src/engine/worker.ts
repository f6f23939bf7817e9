import { parentPort, workerData } from 'node:worker_threads';
import type { DiscoveredEntry } from '../discover/discover.js';
import { ruleSets } from '../rules/index.js';
import { checkEntry, type FileCheckEnvironment, type FileOutcome } from './check-file.js';
import type { WorkerSetup } from './pool.js';
import { enabled, profileMatcher } from './run.js';

const setup = workerData as WorkerSetup;
const env: FileCheckEnvironment = {
  settings: setup.settings,
  config: setup.config,
  nameRules: enabled(ruleSets.name, setup.config),
  fitsRules: enabled(ruleSets.fits, setup.config),
  profilesFor: profileMatcher(setup.config),
  hash: setup.hash,
  recordHeaders: setup.recordHeaders,
  ...(setup.threads ? { threads: setup.threads } : {}),
  ...(setup.limits ? { limits: setup.limits } : {}),
};

parentPort!.on('message', async (batch: DiscoveredEntry[]) => {
  const outcomes: FileOutcome[] = [];
  for (const entry of batch) {
    // Byte paths (names that are not UTF-8) arrive as plain Uint8Arrays; fs wants a Buffer.
    if (typeof entry.absolute !== 'string') entry.absolute = Buffer.from(entry.absolute);
    const outcome = checkEntry(entry, env);
    outcomes.push(outcome instanceof Promise ? await outcome : outcome);
  }
  parentPort!.postMessage(outcomes);
});
