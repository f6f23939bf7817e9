/** `hlsp-validate manifest` never writes a manifest from a file that changed while it was read. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { FileRecord } from '../../src/types.js';

vi.mock('../../src/engine/run.js', () => ({
  runCheck: async () => ({
    report: {},
    records: [
      { path: 'a.fits', kind: 'fits', size: 2880, sha256: null, header: {}, provenance: [] },
      {
        path: 'b.fits',
        kind: 'fits',
        size: 5760,
        sha256: null,
        header: {},
        provenance: [],
        changedDuringCheck: true,
      },
    ] satisfies FileRecord[],
  }),
}));

const work = mkdtempSync(join(tmpdir(), 'hlsp-manifest-changed-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the manifest of a collection that changed while it was read', () => {
  it('is refused (exit 2, naming the file), and no file is written', async () => {
    const { manifestCommand } = await import('../../src/cli/manifest.js');
    const { UsageError } = await import('../../src/cli/common.js');
    const output = join(work, 'hlsp_x_manifest.csv');
    const run = manifestCommand(work, { output });
    await expect(run).rejects.toThrow(UsageError);
    await expect(manifestCommand(work, { output })).rejects.toThrow(
      /^b\.fits changed while it was read; no manifest was written/,
    );
    expect(existsSync(output)).toBe(false);
  });
});
