/** MAST answers are read as a stream and cut off at a size cap: never held whole, never cached. */
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type MastClient, type MastClientOptions, MastError } from '../../src/mast/client.js';
import { CAOM_COLUMNS } from '../../src/mast/columns.js';
import { runMastPass } from '../../src/mast/pass.js';
import { builtinRules } from '../../src/rules/index.js';
import type { FileRecord } from '../../src/types.js';
import { FAST, useFakeMast } from '../support/fake-mast-harness.js';

const MB = 1024 * 1024;
/** Large answers take longer to stream than FAST allows. */
const CLIENT_TIMEOUT = { timeoutMs: 10_000 };
const JWST = { paramName: 'obs_collection', values: ['JWST'] };

const mast = useFakeMast('hlsp-mast-cap-');

function client(extra: Partial<MastClientOptions> = {}): MastClient {
  return mast.client({ ...CLIENT_TIMEOUT, ...extra });
}

function cachedFiles(): string[] {
  return existsSync(mast.cacheDir) ? readdirSync(mast.cacheDir) : [];
}

/**
 * What the server managed to send bounds what the client can have held. Far below the body's size,
 * it shows the client stopped reading at the cap instead of taking the body in (socket buffers on
 * loopback hold a few MB at most).
 */
function expectStoppedEarly(bodyBytes: number): void {
  expect(mast.server.largeAnswer?.finished).toBe(false);
  expect(mast.server.largeAnswer!.sent).toBeLessThan(32 * MB);
  expect(mast.server.largeAnswer!.sent).toBeLessThan(bodyBytes / 4);
}

describe('the MAST answer size cap', () => {
  it('fails a query whose streamed answer exceeds the cap, stops reading, and caches nothing', async () => {
    mast.server.faults.push({ kind: 'large', bytes: 128 * MB });
    const c = client({ maxBodyBytes: 1 * MB });
    const error = await c.filtered([JWST], CAOM_COLUMNS).catch((e: unknown) => e);
    await c.close();
    expect(error).toBeInstanceOf(MastError);
    expect((error as MastError).message).toBe('MAST answer exceeded 1 MB');
    // Asking again would bring the same answer: not retried.
    expect((error as MastError).transient).toBe(false);
    expect(mast.server.requests).toHaveLength(1);
    expect(cachedFiles()).toEqual([]);
    expectStoppedEarly(128 * MB);
  });

  it('rejects an answer whose Content-Length is over the cap before reading it', async () => {
    mast.server.faults.push({ kind: 'large', bytes: 128 * MB, declareLength: true });
    const c = client({ maxBodyBytes: 1 * MB });
    await expect(c.filtered([JWST], CAOM_COLUMNS)).rejects.toThrow('MAST answer exceeded 1 MB');
    await c.close();
    expect(cachedFiles()).toEqual([]);
    expectStoppedEarly(128 * MB);
  });

  it('caps answers at 64 MB by default', async () => {
    mast.server.faults.push({ kind: 'large', bytes: 200 * MB });
    const c = client();
    await expect(c.filtered([JWST], CAOM_COLUMNS)).rejects.toThrow('MAST answer exceeded 64 MB');
    await c.close();
    expect(cachedFiles()).toEqual([]);
    expect(mast.server.largeAnswer?.finished).toBe(false);
    expect(mast.server.largeAnswer!.sent).toBeLessThan(100 * MB);
  });

  it('accepts and caches an answer just under the cap', async () => {
    mast.server.faults.push({ kind: 'large', bytes: 1 * MB - 4096 });
    const c = client({ maxBodyBytes: 1 * MB });
    const rows = await c.filtered([JWST], CAOM_COLUMNS);
    await c.close();
    expect(rows.length).toBeGreaterThan(900);
    expect(mast.server.largeAnswer?.finished).toBe(true);
    expect(cachedFiles()).toHaveLength(1);
  });

  it('reports the MAST rules as not checked, with the reason, when an answer is too large', async () => {
    mast.server.faults.push({ kind: 'large', bytes: 128 * MB });
    const record: FileRecord = {
      path: 'a.fits',
      kind: 'fits',
      size: 2880,
      sha256: null,
      header: { TELESCOP: 'JWST' },
      provenance: ['jw02736-o001_t001_nircam_clear-f200w'],
    };
    const result = await runMastPass([record], {
      rules: builtinRules.mast,
      mode: 'online',
      mastUrl: mast.server.url,
      cacheDir: mast.cacheDir,
      client: { ...FAST, ...CLIENT_TIMEOUT, concurrency: 1, maxBodyBytes: 1 * MB },
    });
    expect(result.findings).toEqual([]);
    expect(result.notChecked.length).toBeGreaterThan(0);
    expect(result.notChecked[0]!.reason).toBe('MAST could not be queried: MAST answer exceeded 1 MB');
  });
});
