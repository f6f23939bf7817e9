import type { MastRule } from '../../types.js';

/** A pipeline version as numbers ('1.14.0' → [1, 14, 0]), or undefined when it is not one. */
export function parseVersion(text: string): number[] | undefined {
  const match = /^v?([0-9]+(?:\.[0-9]+)*)/i.exec(text.trim());
  return match ? match[1]!.split('.').map(Number) : undefined;
}

/** Negative when a is older than b, 0 when equal, positive when newer. */
export function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

export const calibrationVersion: MastRule = {
  meta: {
    id: 'mast/calibration-version',
    description:
      "CAL_VER, the JWST pipeline version the product records, is not older than the version MAST lists for the product's source data (cal_ver).",
    severity: 'info',
    scope: 'mast',
    rationale:
      'MAST reprocesses JWST data as the pipeline improves; a product built on an older calibration may be worth rebuilding, or its README should say why the older version was kept.',
    source: 'MAST JWST Mission Search (cal_ver); DESIGN.md §3 MAST',
  },
  check(context, report) {
    const recorded = context.product.header.CAL_VER;
    const product = parseVersion(String(recorded ?? ''));
    if (!product) return;
    let newest: { version: number[]; text: string; dataset: string } | undefined;
    for (const source of context.sources) {
      for (const text of context.calibrations.get(source.fileSetName) ?? []) {
        const version = parseVersion(text);
        if (version && (!newest || compareVersions(version, newest.version) > 0))
          newest = { version, text, dataset: source.fileSetName };
      }
    }
    if (!newest || compareVersions(product, newest.version) >= 0) return;
    report({
      keyword: 'CAL_VER',
      message: `CAL_VER = '${String(recorded).trim()}' is older than the pipeline version MAST lists for the source data (${newest.text}, for ${newest.dataset})`,
      hint: 'MAST has reprocessed the source data since: rebuild the product from the current data, or say in the README which pipeline version was used and why',
    });
  },
};
