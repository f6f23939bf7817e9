#!/usr/bin/env node
/**
 * `npm run docs:screenshot`: regenerates docs/html-report.png, the HTML report of the broken demo
 * (fixtures/demo-broken, MAST answers from its recorded cache) in Chromium at 1400 × 1000 px.
 * Needs `npm run build` first and Chromium (apt-get install chromium, or CHROMIUM_PATH).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUTPUT = join(REPO, 'docs', 'html-report.png');

if (!existsSync(CHROMIUM)) {
  process.stderr.write(`Chromium not found at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH\n`);
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'hlsp-screenshot-'));
try {
  const report = join(work, 'report.html');
  const run = spawnSync(
    process.execPath,
    [
      join(REPO, 'bin', 'hlsp-validate.js'),
      'check',
      'fixtures/demo-broken',
      '--mast',
      'cache',
      '--no-progress',
      '--format',
      `html:${report}`,
    ],
    { cwd: REPO, encoding: 'utf8', env: { ...process.env, CI: 'true' } },
  );
  // The broken demo fails by design (exit 1); 2 means there is no report to show.
  if (run.status !== 1 || !existsSync(report)) {
    process.stderr.write(`hlsp-validate did not write the report (exit ${run.status}):\n${run.stderr}`);
    process.exit(2);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1 });
    await page.goto(`file://${report}`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.screenshot({ path: OUTPUT });
  } finally {
    await browser.close();
  }
  process.stdout.write(`wrote ${OUTPUT}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
