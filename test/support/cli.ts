/** Runs the compiled command line (`npm test` builds it first), as a user would. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const BIN = new URL('../../bin/hlsp-validate.js', import.meta.url).pathname;
export const REPO = new URL('../../', import.meta.url).pathname;

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function cli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string } = {},
): CliResult {
  if (!existsSync(new URL('../../dist/cli/program.js', import.meta.url))) {
    throw new Error('dist/ is missing: run `npm run build` (npm test does) before the CLI tests');
  }
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CI: 'true', ...options.env };
  delete env.GITHUB_STEP_SUMMARY;
  delete env.MAST_API_TOKEN;
  if (options.env?.MAST_API_TOKEN) env.MAST_API_TOKEN = options.env.MAST_API_TOKEN;
  if (options.env?.GITHUB_STEP_SUMMARY) env.GITHUB_STEP_SUMMARY = options.env.GITHUB_STEP_SUMMARY;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    env,
    encoding: 'utf8',
    input: options.input ?? '',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
