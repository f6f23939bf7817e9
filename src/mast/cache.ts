import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCacheDir } from './cache-location.js';

export { defaultCacheDir };

/** What a cache lookup found: a usable answer, nothing, or an entry that must not be used. */
export type CacheLookup =
  | { found: 'answer'; response: unknown }
  | { found: 'nothing' }
  | { found: 'damaged'; reason: string };

export interface LookupOptions {
  /** Replay mode: entries never expire. */
  ignoreAge?: boolean;
  /** Why a cached response is not what the caller expects, or null when it is. */
  responseProblem?: (response: unknown) => string | null;
}

/** Disk cache of MAST responses, keyed by the request (which never holds the token). */
export class ResponseCache {
  constructor(
    readonly dir: string,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  static key(request: unknown): string {
    return createHash('sha256').update(JSON.stringify(request)).digest('hex').slice(0, 40);
  }

  private pathOf(request: unknown): string {
    return join(this.dir, `${ResponseCache.key(request)}.json`);
  }

  /**
   * The cached response to a request. A file that does not parse, was recorded for another
   * request, or holds a response of the wrong shape is reported as damaged, never returned: a
   * truncated or edited file must not pass for what MAST said.
   */
  lookup(request: unknown, options: LookupOptions = {}): CacheLookup {
    const path = this.pathOf(request);
    let text: string;
    try {
      if (!options.ignoreAge && this.now() - statSync(path).mtimeMs > this.ttlMs) return { found: 'nothing' };
      text = readFileSync(path, 'utf8');
    } catch {
      return { found: 'nothing' };
    }
    let entry: unknown;
    try {
      entry = JSON.parse(text);
    } catch {
      return { found: 'damaged', reason: 'the file is not JSON' };
    }
    if (entry === null || typeof entry !== 'object' || !('response' in entry) || !('request' in entry))
      return { found: 'damaged', reason: 'the file is not a recorded request and response' };
    if (JSON.stringify(entry.request) !== JSON.stringify(request))
      return { found: 'damaged', reason: 'the file was recorded for another request' };
    const problem = options.responseProblem?.(entry.response) ?? null;
    if (problem) return { found: 'damaged', reason: problem };
    return { found: 'answer', response: entry.response };
  }

  /** Removes the entry for a request, e.g. a damaged one about to be asked again. */
  discard(request: unknown): void {
    try {
      rmSync(this.pathOf(request), { force: true });
    } catch {
      // An entry that cannot be removed is still never used: lookups reject it every time.
    }
  }

  set(request: unknown, response: unknown): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      const path = this.pathOf(request);
      const temp = `${path}.${process.pid}.tmp`;
      writeFileSync(temp, `${JSON.stringify({ request, response }, null, 1)}\n`);
      renameSync(temp, path);
    } catch {
      // A cache that cannot be written only costs speed next time.
    }
  }
}
