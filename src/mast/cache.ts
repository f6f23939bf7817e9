import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'hlsp-validate', 'mast');
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

  /** A cached body, or undefined; with `ignoreAge` (replay mode) entries never expire. */
  get(request: unknown, ignoreAge = false): unknown | undefined {
    const path = join(this.dir, `${ResponseCache.key(request)}.json`);
    try {
      if (!ignoreAge && this.now() - statSync(path).mtimeMs > this.ttlMs) return undefined;
      const entry = JSON.parse(readFileSync(path, 'utf8')) as { request: unknown; response: unknown };
      return entry.response;
    } catch {
      return undefined;
    }
  }

  set(request: unknown, response: unknown): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      const path = join(this.dir, `${ResponseCache.key(request)}.json`);
      const temp = `${path}.${process.pid}.tmp`;
      writeFileSync(temp, `${JSON.stringify({ request, response }, null, 1)}\n`);
      renameSync(temp, path);
    } catch {
      // A cache that cannot be written only costs speed next time.
    }
  }
}
