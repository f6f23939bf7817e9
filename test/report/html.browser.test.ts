/**
 * The HTML report in a real browser: Debian's Chromium driven by playwright-core. `.ci/run`
 * installs Chromium; without it these tests are skipped with a message saying how to get it.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatterContext } from '../../src/cli/common.js';
import { html } from '../../src/report/html.js';
import type { Finding, Report } from '../../src/report/types.js';
import { sampleReport } from '../support/sample-report.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser) {
  console.warn(
    `\n*** Chromium not found at ${CHROMIUM}: the HTML report browser tests are SKIPPED.\n*** Install it with: apt-get install chromium (or set CHROMIUM_PATH).\n`,
  );
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PWNED = '<img src=x onerror="window.__pwned=1">.fits';

describe.skipIf(!haveBrowser)('HTML report in Chromium', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'hlsp-html-'));

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(report: Report): Promise<{ page: Page; errors: string[]; requests: string[] }> {
    const file = join(dir, `r${Math.random().toString(36).slice(2)}.html`);
    writeFileSync(file, html(report, formatterContext(false)));
    const page = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => {
      if (!request.url().startsWith('file://')) requests.push(request.url());
    });
    await page.goto(`file://${file}`);
    await page.waitForSelector('body[data-ready="true"]');
    return { page, errors, requests };
  }

  it('opens with no console errors and no network requests, and shows hostile names as text', async () => {
    const { page, errors, requests } = await open(
      sampleReport(['images/a.fits', PWNED, '</script><script>window.__pwned=2</script>']),
    );
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(
      await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#files-body').textContent()).toContain(PWNED);
    expect(await page.locator('#verdict').textContent()).toBe('FAIL');
    await page.close();
  });

  it('filters by severity, rule, file and free text', async () => {
    const { page } = await open(sampleReport(['images/a.fits', 'b.fits', 'c.fits']));
    const rows = () => page.locator('#findings-body tr').count();
    expect(await rows()).toBe(9);
    await page.selectOption('#f-sev', 'error');
    expect(await rows()).toBe(3);
    await page.selectOption('#f-sev', '');
    await page.selectOption('#f-rule', 'hlsp/keyword-required');
    expect(await rows()).toBe(3);
    await page.selectOption('#f-file', 'b.fits');
    expect(await rows()).toBe(1);
    await page.click('#clear');
    await page.fill('#f-text', 'note about c.fits');
    expect(await rows()).toBe(1);
    await page.click('#clear');
    await page.click('tr.file[data-path="c.fits"]');
    expect(await rows()).toBe(3);
    const link = page.locator('#findings-body a').first();
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/.*\/docs\/rules\/[a-z]+\/[a-z0-9-]+\.md$/);
    await page.close();
  });

  it('stays usable with 100,000 findings (paginated)', async () => {
    const base = sampleReport(['big.fits']);
    const findings: Finding[] = Array.from({ length: 100_000 }, (_, i) => ({
      ...base.findings[i % 3]!,
      offset: i * 80,
      message: `finding ${i}`,
    }));
    const report = { ...base, findings };
    const started = Date.now();
    const { page, errors } = await open(report);
    const readyMs = Date.now() - started;
    expect(errors).toEqual([]);
    expect(await page.locator('#findings-body tr').count()).toBe(200);
    expect(await page.locator('#page').textContent()).toBe('page 1 of 500');
    await page.click('#next');
    expect(await page.locator('#page').textContent()).toBe('page 2 of 500');
    await page.fill('#f-text', 'finding 99999');
    expect(await page.locator('#findings-body tr').count()).toBe(1);
    console.log(
      `HTML report with 100,000 findings interactive after ${readyMs} ms (not asserted; see docs/performance.md)`,
    );
    await page.close();
  });
});
