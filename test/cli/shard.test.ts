import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const work = mkdtempSync(join(tmpdir(), 'hlsp-shard-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const withoutTimes = (text: string) =>
  text.replace(/"startedAt": "[^"]+"/, '').replace(/"durationMs": \d+/, '');

describe('sharding across machines', () => {
  it.each([
    ['fixtures/demo-broken', 3],
    ['fixtures/demo', 2],
  ])('%s in %i shards, merged, equals one run byte for byte apart from timings', (dir, count) => {
    const single = cli(['check', dir, '--format', 'json']);
    const shardFiles = Array.from({ length: count }, (_, i) =>
      join(work, `${dir.replace(/\W/g, '_')}-${i + 1}.json`),
    );
    shardFiles.forEach((file, i) => {
      const run = cli(['check', dir, '--shard', `${i + 1}/${count}`, '--format', 'json', '--output', file]);
      expect(run.status, run.stderr).not.toBe(2);
      expect(JSON.parse(readFileSync(file, 'utf8')).shard).toEqual({ index: i + 1, count });
    });
    const merged = cli(['merge', ...shardFiles, '--format', 'json']);
    expect(merged.status).toBe(single.status);
    expect(withoutTimes(merged.stdout)).toBe(withoutTimes(single.stdout));
  });

  it('reads the shard from HLSP_SHARD and from a Kubernetes Indexed Job', () => {
    const a = JSON.parse(
      cli(['check', 'fixtures/demo', '--format', 'json'], { env: { HLSP_SHARD: '2/2' } }).stdout,
    );
    const b = JSON.parse(
      cli(['check', 'fixtures/demo', '--format', 'json'], {
        env: { JOB_COMPLETION_INDEX: '1', HLSP_SHARD_COUNT: '2' },
      }).stdout,
    );
    expect(a.shard).toEqual({ index: 2, count: 2 });
    expect(b.files).toEqual(a.files);
  });

  it('refuses to merge an incomplete set of shards', () => {
    const file = join(work, 'only-one.json');
    cli(['check', 'fixtures/demo', '--shard', '1/2', '--format', 'json', '--output', file]);
    const result = cli(['merge', file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/shard report missing: 2\/2/);
  });

  it('rejects a malformed --shard', () => {
    const result = cli(['check', 'fixtures/demo', '--shard', '3/2']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/k must be between 1 and n/);
  });
});
