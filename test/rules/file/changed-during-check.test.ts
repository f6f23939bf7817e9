/**
 * file/changed-during-check: reported by the engine for a file whose size or modification time
 * changed while it was checked; here a rule writes to the file while it is being checked, as an
 * upload still running would.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FILE_CHANGED } from '../../../src/engine/check-file.js';
import { runCheck } from '../../../src/engine/run.js';
import { changedDuringCheck } from '../../../src/rules/file/changed-during-check.js';
import type { FileRule, FitsRule } from '../../../src/types.js';
import { REPO } from '../../support/cli.js';

const work = mkdtempSync(join(tmpdir(), 'hlsp-changed-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function collection(name: string): string {
  const dir = join(work, name);
  cpSync(join(REPO, 'fixtures/demo'), dir, { recursive: true });
  return dir;
}

const meta = (id: string, scope: 'fits' | 'file') => ({
  id,
  description: `test ${id}`,
  severity: 'info' as const,
  scope,
});

describe('file/changed-during-check', () => {
  it('is the id the engine reports, and reports nothing itself', () => {
    expect(changedDuringCheck.meta.id).toBe(FILE_CHANGED);
    const reported: unknown[] = [];
    changedDuringCheck.check({} as never, (finding) => reported.push(finding));
    expect(reported).toEqual([]);
  });

  it('reports a FITS file that grew while it was checked, and flags its record', async () => {
    const dir = collection('grew');
    const writer: FitsRule = {
      meta: meta('acme/writer', 'fits'),
      check(context) {
        if (context.path.includes('f150w')) appendFileSync(join(dir, context.path), Buffer.alloc(2880));
      },
    };
    const { report, records } = await runCheck({
      paths: [dir],
      config: {},
      settings: {},
      rules: { name: [], file: [], fits: [writer], content: [], collection: [], mast: [] },
      hash: false,
    });
    const changed = report.findings.filter((finding) => finding.ruleId === FILE_CHANGED);
    expect(changed).toHaveLength(1);
    expect(changed[0]!.path).toMatch(/f150w/);
    expect(changed[0]!.severity).toBe('error');
    expect(changed[0]!.message).toMatch(
      /^the file changed while it was checked \([0-9]+ bytes, then [0-9]+; modified at /,
    );
    expect(records.filter((record) => record.changedDuringCheck).map((record) => record.path)).toEqual([
      changed[0]!.path,
    ]);
    expect(report.files.find((file) => file.path === changed[0]!.path)!.verdict).toBe('FAIL');
  });

  it('reports a file rewritten in place (same size, new modification time)', async () => {
    const dir = collection('touched');
    const toucher: FileRule = {
      meta: meta('acme/toucher', 'file'),
      check(context) {
        if (context.kind === 'readme')
          utimesSync(join(dir, context.path), new Date(), new Date(Date.now() + 60_000));
      },
    };
    const { report } = await runCheck({
      paths: [dir],
      config: {},
      settings: {},
      rules: { name: [], file: [toucher], fits: [], content: [], collection: [], mast: [] },
      hash: false,
    });
    const changed = report.findings.filter((finding) => finding.ruleId === FILE_CHANGED);
    expect(changed.map((finding) => finding.path)).toEqual([expect.stringMatching(/readme/)]);
    expect(changed[0]!.message).toMatch(/\([0-9]+ bytes; modified at /);
  });

  it('says nothing of files that stay put', async () => {
    const { report } = await runCheck({
      paths: [join(REPO, 'fixtures/demo')],
      config: {},
      settings: {},
      rules: { name: [], file: [], fits: [], content: [], collection: [], mast: [] },
      hash: false,
    });
    expect(report.findings.filter((finding) => finding.ruleId === FILE_CHANGED)).toEqual([]);
  });
});
