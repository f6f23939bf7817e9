/**
 * The GitLab CI template (ci/gitlab-ci.yml): its job's script, run with the built tool in place of
 * the published one, writes the reports the job declares, in the shapes GitLab reads.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const template = parse(readFileSync(join(REPO, 'ci/gitlab-ci.yml'), 'utf8'));
const job = template['.hlsp-validate'];
const built = existsSync(join(REPO, 'dist', 'cli', 'program.js'));

describe('ci/gitlab-ci.yml', () => {
  it('declares the JUnit and Code Quality reports that its script writes, kept when the job fails', () => {
    expect(template['hlsp-validate'].extends).toBe('.hlsp-validate');
    expect(job.artifacts.when).toBe('always');
    const script: string = job.script.join('\n');
    expect(script).toContain(`--format junit:${job.artifacts.reports.junit}`);
    expect(script).toContain(`--format codeclimate:${job.artifacts.reports.codequality}`);
    expect(script).toContain(`--html ${job.artifacts.paths[0]}`);
    expect(template.variables.HLSP_ARGS).toBe('--require-mast');
  });

  describe.skipIf(!built)('its script, on the broken demo', () => {
    const work = mkdtempSync(join(tmpdir(), 'hlsp-gitlab-'));
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    it('fails the job and writes valid JUnit, Code Quality and HTML reports', () => {
      cpSync(join(REPO, 'fixtures/demo-broken'), join(work, 'data'), { recursive: true });
      const script = (job.script as string[])
        .join('\n')
        .replace(
          /^npx --yes "hlsp-validate@\$\{HLSP_VALIDATE_VERSION\}"/,
          `node "${join(REPO, 'bin/hlsp-validate.js')}"`,
        );
      expect(script).toMatch(/^node /);
      const result = spawnSync('bash', ['-c', script], {
        cwd: work,
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          CI: 'true',
          ...template.variables,
          HLSP_PATH: 'data',
          HLSP_MAST: 'cache',
        },
      });
      expect(result.status, result.stderr).toBe(1);
      const junit = readFileSync(join(work, job.artifacts.reports.junit), 'utf8');
      expect(XMLValidator.validate(junit)).toBe(true);
      expect(new XMLParser({ ignoreAttributes: false }).parse(junit).testsuites['@_failures']).not.toBe('0');
      const issues = JSON.parse(readFileSync(join(work, job.artifacts.reports.codequality), 'utf8'));
      expect(issues.length).toBeGreaterThan(20);
      for (const issue of issues) {
        // Paths from the project directory, where GitLab looks for the file.
        expect(existsSync(join(work, issue.location.path)), issue.location.path).toBe(true);
        expect(issue.location.path).toMatch(/^data(\/|$)/);
      }
      expect(existsSync(join(work, job.artifacts.paths[0]))).toBe(true);
    });
  });
});
