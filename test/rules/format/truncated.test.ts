import { describe, expect, it } from 'vitest';
import { truncated } from '../../../src/rules/format/truncated.js';
import { runFileRule } from './run-file-rule.js';

const parquet = (end: string) => {
  const bytes = new Uint8Array(64);
  bytes.set(new TextEncoder().encode('PAR1'), 0);
  bytes.set(new TextEncoder().encode(end), 60);
  return bytes;
};

describe('format/truncated', () => {
  it('reports Parquet that starts with PAR1 but does not end with it', () => {
    const [finding, ...rest] = runFileRule(truncated, 'x.parquet', parquet('\0\0\0\0'));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'format/truncated', severity: 'error' });
    expect(finding!.message).toMatch(/truncated/);
  });

  it('passes Parquet with PAR1 at both ends', () => {
    expect(runFileRule(truncated, 'x.parquet', parquet('PAR1'))).toEqual([]);
  });
});
