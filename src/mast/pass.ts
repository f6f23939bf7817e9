import type { MastStats } from '../report/types.js';
import type { FileRecord, MastContext, MastRule } from '../types.js';
import { defaultCacheDir, ResponseCache } from './cache.js';
import { CacheMiss, MastClient, type MastClientOptions, type Row } from './client.js';
import { CAOM_COLUMNS, MISSION_COLUMNS } from './columns.js';
import { type MastPassOutput, notCheckedAll, offlineMastPass } from './offline.js';
import { missionOpticalElements } from './optical-elements.js';
import { parseProgram, parseSourceId, type SourceId } from './provenance.js';
import { redact } from './redact.js';

export type { MastPassOutput };

/** MAST takes at most this many values in one filter. */
export const BATCH_SIZE = 500;
const CACHE_TTL_MS = 7 * 24 * 3600 * 1000;

export interface MastPassOptions {
  /** The `mast/*` rules to run on each product. */
  rules: MastRule[];
  mode: 'online' | 'cache' | 'offline';
  mastUrl: string;
  token?: string;
  cacheDir?: string;
  now?: Date;
  client?: Partial<MastClientOptions>;
}

function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface Product {
  record: FileRecord;
  sources: SourceId[];
  program?: string;
}

/** What the collection claims: JWST source ids and programs, per FITS product. */
export function collectClaims(records: FileRecord[]): Product[] {
  const products: Product[] = [];
  for (const record of records) {
    const product = claimsOf(record);
    if (product) products.push(product);
  }
  return products;
}

/** What one file claims; undefined when it is no FITS product or claims nothing. */
function claimsOf(record: FileRecord): Product | undefined {
  if (record.kind !== 'fits' && record.kind !== 'fits.gz') return undefined;
  // Most provenance lists are short: a linear check for duplicates costs less than a Set per
  // product; long ones (an HDRTAB of hundreds of exposures) get a Set.
  const sources: SourceId[] = [];
  const seen = record.provenance.length > 16 ? new Set<string>() : undefined;
  for (const text of record.provenance) {
    const parsed = parseSourceId(text);
    if (!parsed) continue;
    if (seen ? seen.has(parsed.obsId) : sources.some((known) => known.obsId === parsed.obsId)) continue;
    sources.push(parsed);
    seen?.add(parsed.obsId);
  }
  const telescope = String(record.header.TELESCOP ?? '')
    .trim()
    .toUpperCase();
  const program =
    telescope === 'JWST' || sources.length > 0 ? parseProgram(record.header.PROPOSID) : undefined;
  if (sources.length === 0 && !program) return undefined;
  return { record, sources, ...(program ? { program } : {}) };
}

/** The Mission Search datasets worth asking for, sorted (so request keys and caches are stable). */
function missionDatasets(products: Product[], observations: Map<string, Row>): string[] {
  const datasets = new Set<string>();
  for (const product of products) {
    const recordsVersion = product.record.header.CAL_VER !== undefined;
    for (const source of product.sources) {
      const row = observations.get(source.obsId);
      if (recordsVersion || (row && String(row.filters ?? '').trim() === ''))
        datasets.add(source.fileSetName);
    }
  }
  return [...datasets].sort();
}

/** The MAST pass: every id of the whole run, deduplicated, looked up in batches, then each rule per product. */
export async function runMastPass(records: FileRecord[], options: MastPassOptions): Promise<MastPassOutput> {
  if (options.mode === 'offline') return offlineMastPass(records, options.rules);
  const products = collectClaims(records);
  const obsIds = [...new Set(products.flatMap((p) => p.sources.map((s) => s.obsId)))].sort();
  const programs = [...new Set(products.flatMap((p) => (p.program ? [p.program] : [])))].sort();
  const stats: MastStats = {
    mode: options.mode,
    requests: 0,
    cacheHits: 0,
    ids: obsIds.length + programs.length,
  };
  if (products.length === 0) return { findings: [], notChecked: [], stats };
  const client = new MastClient({
    baseUrl: options.mastUrl,
    ...(options.token ? { token: options.token } : {}),
    cache: new ResponseCache(options.cacheDir ?? defaultCacheDir(), CACHE_TTL_MS),
    replayOnly: options.mode === 'cache',
    ...options.client,
  });
  const observations = new Map<string, Row>();
  const knownPrograms = new Set<string>();
  const calibrations = new Map<string, string[]>();
  const opticalElements = new Map<string, string[]>();
  try {
    const collection = { paramName: 'obs_collection', values: ['JWST'] };
    const lookups = batches(obsIds, BATCH_SIZE).map(async (batch) => {
      const rows = await client.filtered([collection, { paramName: 'obs_id', values: batch }], CAOM_COLUMNS);
      for (const row of rows) observations.set(String(row.obs_id ?? '').toLowerCase(), row);
    });
    const programLookups = batches(programs, BATCH_SIZE).map(async (batch) => {
      const rows = await client.filtered(
        [collection, { paramName: 'proposal_id', values: batch }],
        ['proposal_id'],
      );
      for (const row of rows)
        knownPrograms.add(
          String(row.proposal_id ?? '')
            .trim()
            .replace(/^0+/, ''),
        );
    });
    await Promise.all([...lookups, ...programLookups]);
    // The Mission Search is asked only for what CAOM cannot say: the pipeline version, where a
    // product records one, and the optical element of observations whose CAOM row has none.
    const datasets = missionDatasets(products, observations);
    const missionLookups = batches(datasets, BATCH_SIZE).map(async (batch) => {
      const rows = await client.missionSearch([{ fileSetName: batch.join(',') }], MISSION_COLUMNS);
      for (const row of rows) {
        const dataset = String(row.fileSetName ?? '').toLowerCase();
        if (!dataset) continue;
        const version = String(row.cal_ver ?? '').trim();
        if (version) calibrations.set(dataset, [...(calibrations.get(dataset) ?? []), version]);
        const elements = missionOpticalElements(row);
        if (elements.length > 0)
          opticalElements.set(dataset, [...new Set([...(opticalElements.get(dataset) ?? []), ...elements])]);
      }
    });
    await Promise.all(missionLookups);
  } catch (error) {
    const reason =
      error instanceof CacheMiss
        ? `--mast cache: ${error.message} (run once with --mast online to record it)`
        : `MAST could not be queried: ${redact((error as Error).message, options.token)}`;
    return {
      findings: [],
      notChecked: notCheckedAll(options.rules, reason),
      stats: { ...stats, requests: client.requests, cacheHits: client.cacheHits },
    };
  } finally {
    await client.close();
  }
  const nowMjd = (options.now ?? new Date()).getTime() / 86_400_000 + 40587;
  const findings: MastPassOutput['findings'] = [];
  for (const product of products) {
    const context: MastContext = {
      product: product.record,
      sources: product.sources,
      observations,
      calibrations,
      opticalElements,
      nowMjd,
      ...(product.program
        ? { program: { id: product.program, known: knownPrograms.has(product.program) } }
        : {}),
    };
    for (const rule of options.rules) {
      rule.check(context, (finding) =>
        findings.push({
          ruleId: rule.meta.id,
          severity: rule.meta.severity,
          path: product.record.path,
          hdu: 0,
          ...finding,
        }),
      );
    }
  }
  return {
    findings,
    notChecked: [],
    stats: { ...stats, requests: client.requests, cacheHits: client.cacheHits },
  };
}
