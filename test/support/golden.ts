/** Golden files: compare against the committed file, or rewrite it when UPDATE_GOLDEN=1. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

export const UPDATE = process.env.UPDATE_GOLDEN === '1';

export function expectGolden(path: string, actual: Buffer | string): void {
  const bytes = typeof actual === 'string' ? Buffer.from(actual) : actual;
  if (UPDATE) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    return;
  }
  if (!existsSync(path))
    throw new Error(`golden file ${path} is missing; run UPDATE_GOLDEN=1 npx vitest run to create it`);
  const expected = readFileSync(path);
  if (path.endsWith('.json') || path.endsWith('.csv') || path.endsWith('.md'))
    expect(bytes.toString('utf8')).toBe(expected.toString('utf8'));
  else expect(bytes.equals(expected), `${path} differs from what its generator builds`).toBe(true);
}
