/**
 * A report larger than a pipe's buffer goes to standard output in pieces: whole when read to the
 * end, and quietly stopped when the reader goes away early (`… | head`).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, REPO } from '../support/cli.js';

const work = mkdtempSync(join(tmpdir(), 'hlsp-stdout-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** 1,500 empty, misnamed files: two findings each, about 1.5 MB of JSON, far beyond a 64 KiB pipe. */
const collection = join(work, 'empty');
mkdirSync(collection);
for (let i = 0; i < 1500; i++) writeFileSync(join(collection, `file${i}.txt`), '');

function run(args: string[], stopAfterBytes?: number) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: REPO,
    env: { ...process.env, CI: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  let received = 0;
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out.push(chunk);
    received += chunk.length;
    if (stopAfterBytes !== undefined && received >= stopAfterBytes) child.stdout.destroy();
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr })),
  );
}

describe('a large report to standard output', () => {
  it('is the same JSON as the one written to a file', async () => {
    const file = join(work, 'report.json');
    const base = ['check', collection, '--mast', 'offline', '--no-progress', '--format'];
    const [piped, written] = await Promise.all([run([...base, 'json']), run([...base, `json:${file}`])]);
    expect(piped.code).toBe(1);
    expect(written.code).toBe(1);
    const fromPipe = JSON.parse(piped.stdout);
    const fromFile = JSON.parse(readFileSync(file, 'utf8'));
    expect(fromPipe.findings).toHaveLength(3001);
    for (const report of [fromPipe, fromFile]) report.durationMs = report.startedAt = 0;
    expect(fromPipe).toEqual(fromFile);
  }, 120_000);

  it('stops quietly when the reader closes the pipe early', async () => {
    const { stdout, stderr, code } = await run(
      ['check', collection, '--mast', 'offline', '--no-progress', '--format', 'sarif'],
      1000,
    );
    expect(stdout.startsWith('{')).toBe(true);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 120_000);
});
