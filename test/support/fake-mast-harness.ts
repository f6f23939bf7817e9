/**
 * One fake MAST per test file, reset before each test, with a fresh cache directory: the set-up
 * the MAST client tests share. Call `useFakeMast` at the top level of a test file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { ResponseCache } from '../../src/mast/cache.js';
import { MastClient, type MastClientOptions } from '../../src/mast/client.js';
import { FakeMast, recordedDatasets, recordedRows } from './fake-mast.js';

/** Client options that retry and poll at once: the fake server's faults cost no waiting. */
export const FAST = {
  sleep: async () => {},
  random: () => 0.5,
  backoffMs: 1,
  pollIntervalMs: 1,
  timeoutMs: 2000,
} satisfies Partial<MastClientOptions>;

export interface FakeMastHarness {
  /** The running server (set in beforeAll). */
  readonly server: FakeMast;
  /** This test's empty cache directory (set in beforeEach, removed after). */
  readonly cacheDir: string;
  /** A client of the server with FAST options, caching in cacheDir. */
  client(extra?: Partial<MastClientOptions>): MastClient;
}

export function useFakeMast(cachePrefix = 'hlsp-mast-'): FakeMastHarness {
  let server: FakeMast | undefined;
  let cacheDir: string | undefined;
  beforeAll(async () => {
    server = await new FakeMast().start();
  });
  afterAll(async () => {
    await server?.stop();
  });
  beforeEach(() => {
    server!.requests.length = 0;
    server!.faults.length = 0;
    server!.largeAnswer = undefined;
    server!.rows = recordedRows();
    server!.datasets = recordedDatasets();
    cacheDir = mkdtempSync(join(tmpdir(), cachePrefix));
  });
  afterEach(() => {
    if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
  });
  return {
    get server() {
      return server!;
    },
    get cacheDir() {
      return cacheDir!;
    },
    client(extra = {}) {
      return new MastClient({
        baseUrl: server!.url,
        cache: new ResponseCache(cacheDir!, 60_000),
        ...FAST,
        ...extra,
      });
    },
  };
}
