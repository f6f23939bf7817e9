/**
 * The HTML report in a real browser: Debian's Chromium driven by playwright-core. `.ci/run`
 * installs Chromium; without it these tests are skipped with a message saying how to get it.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { type Browser, chromium, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/api/check.js';
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

/** Stored screenshots of the layout report; `UPDATE_BASELINES=1` rewrites them. */
const BASELINES = new URL('./baselines/', import.meta.url).pathname;
const UPDATE_BASELINES = process.env.UPDATE_BASELINES === '1';
/** Fonts and anti-aliasing differ a little between machines: a colour distance of 0.1 is the same pixel… */
const PIXEL_THRESHOLD = 0.1;
/** …and up to 0.5% of the pixels may differ. */
const MAX_DIFFERING = 0.005;
const MAX_BASELINE_BYTES = 200_000;

/** Where the difference image of a screenshot goes when it differs too much, for a look. */
const diffFile = (name: string) => join(tmpdir(), `hlsp-validate-${name}.diff.png`);

/**
 * The share of pixels that differ from the stored baseline. With UPDATE_BASELINES=1 the screenshot
 * becomes the baseline.
 */
function compareWithBaseline(name: string, screenshot: Buffer): number {
  const file = join(BASELINES, `${name}.png`);
  if (UPDATE_BASELINES) {
    mkdirSync(BASELINES, { recursive: true });
    writeFileSync(file, screenshot);
    return 0;
  }
  if (!existsSync(file)) throw new Error(`no baseline ${file}: run with UPDATE_BASELINES=1 to create it`);
  const expected = PNG.sync.read(readFileSync(file));
  const actual = PNG.sync.read(screenshot);
  if (expected.width !== actual.width || expected.height !== actual.height) return 1;
  const diff = new PNG({ width: actual.width, height: actual.height });
  const differing = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, {
    threshold: PIXEL_THRESHOLD,
  });
  const share = differing / (actual.width * actual.height);
  if (share > MAX_DIFFERING) writeFileSync(diffFile(name), PNG.sync.write(diff));
  return share;
}

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

  async function open(
    report: Report,
    viewport = { width: 1280, height: 800 },
  ): Promise<{ page: Page; errors: string[]; requests: string[] }> {
    const file = join(dir, `r${Math.random().toString(36).slice(2)}.html`);
    writeFileSync(file, html(report, formatterContext(false)));
    const page = await browser.newPage({ viewport });
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

  it('counts products and support files apart', async () => {
    const { page } = await open(await check(['fixtures/demo'], { mast: { mode: 'offline' }, hash: false }));
    expect(await page.locator('#counts').textContent()).toBe(
      '9 products, 3 support files · 0 errors · 0 warnings · 0 info',
    );
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
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/.*\/docs\/rules\/fits\/checksum\.md$/);
    await page.close();
  });

  it('shows a finding that follows from another as a note under it, not as a row', async () => {
    const report = sampleReport(['images/a.fits', 'b.fits']);
    const root = report.findings.find((f) => f.path === 'b.fits' && f.ruleId === 'fits/checksum')!;
    const caused = report.findings.find((f) => f.path === 'b.fits' && f.ruleId === 'hlsp/keyword-required')!;
    caused.causedBy = { ruleId: root.ruleId, hdu: root.hdu, keyword: root.keyword, offset: root.offset };
    const { page } = await open(report);
    expect(await page.locator('#findings-body tr').count()).toBe(5);
    const notes = page.locator('#findings-body .note');
    expect(await notes.count()).toBe(1);
    expect(await notes.first().textContent()).toBe(
      'note: warning (HDU 0 OBSERVAT): OBSERVAT is missing (hlsp/keyword-required)',
    );
    const row = page.locator('#findings-body tr', { has: page.locator('.note') });
    expect(await row.textContent()).toContain(root.message);
    expect(await page.locator('#shown').textContent()).toContain('(and 1 that follow from them, as notes)');
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

  /** The broken demo, with hostile and very long names, as a reviewer would open it. */
  async function layoutReport(): Promise<Report> {
    const report = await check(['fixtures/demo-broken'], { mast: { mode: 'cache' }, hash: false });
    // The same page on every run, for the screenshots: a fixed time.
    report.startedAt = '2026-01-01T00:00:00.000Z';
    report.durationMs = 1000;
    const hostile = sampleReport([
      PWNED,
      `${'very_long_directory_name/'.repeat(8)}hlsp_x_${'y'.repeat(120)}.fits`,
    ]);
    return {
      ...report,
      files: [...report.files, ...hostile.files],
      findings: [...report.findings, ...hostile.findings],
    };
  }

  /**
   * Run in the page (as text: the tests are type-checked without the DOM library). Boxes whose
   * content is wider than they are: clipped, spilling into the next column, or scrolling inside.
   */
  const wider = (selector: string) => `Array.from(document.querySelectorAll(${JSON.stringify(selector)}))
    .filter((box) => box.offsetParent !== null && box.scrollWidth > box.clientWidth + 1)
    .map((box) => box.tagName + '.' + box.className + ': ' + (box.textContent || '').slice(0, 60) + ' (' + box.scrollWidth + ' > ' + box.clientWidth + ')')`;
  const FOCUSED = `(() => { const active = document.activeElement; const style = getComputedStyle(active);
    return { tag: active.tagName, className: active.className, style: style.outlineStyle, width: parseFloat(style.outlineWidth) }; })()`;

  for (const width of [390, 768, 1400]) {
    describe(`at ${width} px`, () => {
      let page: Page;
      beforeAll(async () => {
        const opened = await open(await layoutReport(), { width, height: 900 });
        page = opened.page;
        expect(opened.errors).toEqual([]);
      });
      afterAll(async () => page?.close());

      it('looks as its stored baseline does', async () => {
        // The top of the page (the summary, the filters and the first findings) keeps the baselines small.
        const clip = { x: 0, y: 0, width, height: 640 };
        const screenshot = await page.screenshot({ animations: 'disabled', caret: 'hide', clip });
        const differing = compareWithBaseline(`layout-${width}`, screenshot);
        expect(differing, `see ${diffFile(`layout-${width}`)}`).toBeLessThanOrEqual(MAX_DIFFERING);
        expect(statSync(join(BASELINES, `layout-${width}.png`)).size).toBeLessThan(MAX_BASELINE_BYTES);
      });

      it('never scrolls sideways', async () => {
        const { scrollWidth, innerWidth } = await page.evaluate<{ scrollWidth: number; innerWidth: number }>(
          '({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })',
        );
        expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      });

      it('shows every column in full, the rule included', async () => {
        expect(await page.evaluate<string[]>(wider('th, td, #coverage li, header > *'))).toEqual([]);
        // No section scrolls sideways inside itself either, which hid the rule column before.
        expect(await page.evaluate<string[]>(wider('section, table'))).toEqual([]);
        // The rule, the last field of each finding, lies inside the viewport.
        const rules = await page.evaluate<number[]>(
          "Array.from(document.querySelectorAll('#findings-body td:last-child')).map((td) => td.getBoundingClientRect().right)",
        );
        expect(rules.length).toBeGreaterThan(30);
        expect(Math.max(...rules)).toBeLessThanOrEqual(width);
      });

      it(
        width < 760 ? 'shows each finding as a card with labelled fields' : 'shows the findings as a table',
        async () => {
          const layout = await page.evaluate<{ row: string; head: string; label: string }>(`(() => {
            const row = document.querySelector('#findings-body tr');
            const display = (element) => getComputedStyle(element).display;
            return {
              row: display(row),
              head: display(document.querySelector('#findings-table thead')),
              label: display(row.querySelector('.label')),
            };
          })()`);
          if (width < 760) expect(layout).toEqual({ row: 'block', head: 'none', label: 'inline' });
          else expect(layout).toEqual({ row: 'table-row', head: 'table-header-group', label: 'none' });
        },
      );

      it('filters by severity, rule and text', async () => {
        const rows = () => page.locator('#findings-body tr').count();
        const all = await rows();
        await page.selectOption('#f-sev', 'error');
        const errors = await rows();
        expect(errors).toBeGreaterThan(0);
        expect(errors).toBeLessThan(all);
        expect(await page.locator('#findings-body td.sev.warning').count()).toBe(0);
        await page.selectOption('#f-rule', 'fits/checksum');
        expect(await page.locator('#findings-body td.sev').allTextContents()).toEqual(
          Array(await rows()).fill('error'),
        );
        await page.click('#clear');
        await page.fill('#f-text', 'DS_Store');
        expect(await rows()).toBe(1);
        await page.click('#clear');
        expect(await rows()).toBe(all);
      });

      it('shows where the keyboard focus is', async () => {
        await page.locator('#f-sev').focus();
        const seen: string[] = [];
        // Tab through the filters and the file list; each focused element gets a visible outline.
        for (let i = 0; i < 8; i++) {
          const focus = await page.evaluate<{ tag: string; style: string; width: number }>(FOCUSED);
          seen.push(focus.tag);
          expect(focus.style, focus.tag).not.toBe('none');
          expect(focus.width, focus.tag).toBeGreaterThanOrEqual(2);
          await page.keyboard.press('Tab');
        }
        expect(seen).toEqual(expect.arrayContaining(['SELECT', 'INPUT', 'BUTTON']));
        await page.locator('tr.file').first().focus();
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Tab');
        const row = await page.evaluate<{ className: string; style: string }>(FOCUSED);
        expect(row).toMatchObject({ className: expect.stringContaining('file'), style: 'solid' });
      });
    });
  }
});
