/**
 * A worker thread of the per-file pass. It builds the caller's rule set from the module URLs it is
 * given, and refuses to check anything when that set is not the caller's.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DiscoveredEntry } from '../discover/discover.js';
import { checkEntry, type FileCheckEnvironment, type FileOutcome } from '../engine/check-file.js';
import { enabled, profileMatcher } from '../engine/run.js';
import type { WorkerMessage, WorkerSetup } from '../engine/threads.js';
import { loadRuleSet, ruleIdsOf } from './rule-set.js';

const setup = workerData as WorkerSetup;
const port = parentPort!;

async function environment(): Promise<FileCheckEnvironment> {
  const rules = await loadRuleSet(setup.plugins);
  const built = ruleIdsOf(rules).join(' ');
  if (built !== setup.ruleIds.join(' '))
    throw new Error(`a worker thread built other rules than the caller's (${built})`);
  return {
    settings: setup.settings,
    config: setup.config,
    nameRules: enabled(rules.name, setup.config),
    fileRules: enabled(rules.file, setup.config),
    contentRules: enabled(rules.content, setup.config),
    fitsRules: enabled(rules.fits, setup.config),
    profilesFor: profileMatcher(setup.config),
    hash: setup.hash,
    recordHeaders: setup.recordHeaders,
    recordFootprints: setup.recordFootprints,
    ...(setup.threads ? { threads: setup.threads } : {}),
    ...(setup.limits ? { limits: setup.limits } : {}),
    rethrowRuleErrors: setup.rethrowRuleErrors === true,
  };
}

const ready = environment();

port.on('message', async (batch: DiscoveredEntry[]) => {
  let env: FileCheckEnvironment;
  try {
    env = await ready;
  } catch (error) {
    port.postMessage({ failure: (error as Error).message } satisfies WorkerMessage);
    return;
  }
  const outcomes: FileOutcome[] = [];
  for (const entry of batch) {
    // Byte paths (names that are not UTF-8) arrive as plain Uint8Arrays; fs wants a Buffer.
    if (typeof entry.absolute !== 'string') entry.absolute = Buffer.from(entry.absolute);
    const outcome = checkEntry(entry, env);
    outcomes.push(outcome instanceof Promise ? await outcome : outcome);
  }
  port.postMessage({ outcomes } satisfies WorkerMessage);
});
