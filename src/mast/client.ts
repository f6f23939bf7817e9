import type { Pool } from 'undici';
import { VERSION } from '../version.js';
import { AnswerTooLarge, DEFAULT_MAX_BODY_BYTES, readCappedBody } from './answer-size.js';
import type { ResponseCache } from './cache.js';
import {
  type AnswerKind,
  answerProblem,
  type Envelope,
  finishedAnswerProblem,
  type Row,
} from './envelope.js';
import { redact } from './redact.js';
import { scrubSecrets } from './scrub.js';

export type { Row } from './envelope.js';

export interface Filter {
  paramName: string;
  values: unknown[];
}

export interface MastRequest {
  service: string;
  params: { columns: string; filters: Filter[] };
  format: 'json';
  pagesize: number;
  page: number;
}

/** A JWST Mission Search request (POST /search/jwst/api/v0.1/search, JSON). */
export interface MissionRequest {
  select_cols: string[];
  /** Each condition is `{column: value}`; a comma-separated value means any of them. */
  conditions: Record<string, string>[];
  limit: number;
  offset: number;
  /** Leaves out the total count, which costs MAST time and is not needed for paging. */
  skip_count: true;
}

export interface MastClientOptions {
  baseUrl: string;
  /** Sent as `Authorization: token …` to baseUrl's host only; never stored or shown. */
  token?: string;
  cache?: ResponseCache;
  /** `cache`: replay only, never the network. */
  replayOnly?: boolean;
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  maxBackoffMs?: number;
  pollIntervalMs?: number;
  maxPollMs?: number;
  concurrency?: number;
  pagesize?: number;
  /** Largest answer body read, in bytes (default 64 MB); a larger answer fails its query. */
  maxBodyBytes?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** A MAST failure the report can show as "not checked", with the reason (the token never in it). */
export class MastError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
  }
}

export class CacheMiss extends Error {}

function answerKind(request: MastRequest | MissionRequest): AnswerKind {
  return 'service' in request ? 'portal' : 'mission';
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The MAST Portal API client: form POST to /api/v0/invoke, paging, polling, retries, bounded concurrency. */
export class MastClient {
  requests = 0;
  cacheHits = 0;
  private pool: Pool | undefined;
  private readonly origin: string;
  private readonly path: string;
  private readonly missionPath: string;
  private readonly options: Required<Omit<MastClientOptions, 'token' | 'cache'>> &
    Pick<MastClientOptions, 'token' | 'cache'>;
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(options: MastClientOptions) {
    this.options = {
      timeoutMs: 30_000,
      retries: 4,
      backoffMs: 500,
      maxBackoffMs: 15_000,
      pollIntervalMs: 1500,
      maxPollMs: 180_000,
      concurrency: 4,
      pagesize: 5000,
      maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
      replayOnly: false,
      sleep: defaultSleep,
      random: Math.random,
      ...options,
    };
    const url = new URL(options.baseUrl);
    const base = url.pathname.replace(/\/$/, '');
    this.path = `${base}/api/v0/invoke`;
    this.missionPath = `${base}/search/jwst/api/v0.1/search`;
    this.origin = url.origin;
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }

  /** All rows of a Mast.Caom.Filtered query, every page, with the named columns only. */
  async filtered(filters: Filter[], columns: readonly string[]): Promise<Row[]> {
    if (columns.length === 0 || columns.some((column) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(column)))
      throw new TypeError(`MAST columns must be named: ${columns.join(',')}`);
    const rows: Row[] = [];
    for (let page = 1; ; page++) {
      const request: MastRequest = {
        service: 'Mast.Caom.Filtered',
        params: { columns: columns.join(','), filters },
        format: 'json',
        pagesize: this.options.pagesize,
        page,
      };
      const envelope = await this.limited(() => this.invoke(request));
      // One push per row: spreading a very long page into push() overflows the stack.
      for (const row of envelope.data ?? []) rows.push(row);
      const pages = envelope.paging?.pagesFiltered ?? 1;
      if (page >= pages || (envelope.data ?? []).length === 0) break;
    }
    return rows;
  }

  /** All rows of a JWST Mission Search (dataset metadata such as cal_ver), every page. */
  async missionSearch(conditions: MissionRequest['conditions'], columns: readonly string[]): Promise<Row[]> {
    const rows: Row[] = [];
    const limit = this.options.pagesize;
    for (let offset = 0; ; offset += limit) {
      const request: MissionRequest = {
        select_cols: [...columns],
        conditions,
        limit,
        offset,
        skip_count: true,
      };
      const results = (await this.limited(() => this.invoke(request))).results ?? [];
      for (const row of results) rows.push(row);
      if (results.length < limit) break;
    }
    return rows;
  }

  private async limited<T>(task: () => Promise<T>): Promise<T> {
    while (this.active >= this.options.concurrency)
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  /** One request: cache, then network with polling while EXECUTING and retries on transient failures. */
  private async invoke(request: MastRequest | MissionRequest): Promise<Envelope> {
    const kind = answerKind(request);
    const cached = this.options.cache?.lookup(request, {
      ignoreAge: this.options.replayOnly,
      responseProblem: (response) => finishedAnswerProblem(response, kind),
    }) ?? { found: 'nothing' };
    if (cached.found === 'answer') {
      this.cacheHits++;
      return cached.response as Envelope;
    }
    const what =
      'service' in request
        ? `${request.service} page ${request.page}`
        : `the JWST Mission Search from row ${request.offset}`;
    if (this.options.replayOnly)
      throw new CacheMiss(
        cached.found === 'damaged'
          ? `the recorded response for ${what} is damaged (${cached.reason})`
          : `no recorded response for ${what}`,
      );
    // Replay mode leaves recordings alone; online, a damaged entry goes now, so it is never replayed.
    if (cached.found === 'damaged') this.options.cache?.discard(request);
    const started = Date.now();
    for (;;) {
      const envelope = await this.withRetries(request);
      if (envelope.status === 'EXECUTING') {
        if (Date.now() - started > this.options.maxPollMs)
          throw new MastError(
            `MAST was still executing the query after ${Math.round(this.options.maxPollMs / 1000)} s`,
            true,
          );
        await this.options.sleep(this.options.pollIntervalMs);
        continue;
      }
      if (envelope.status === 'ERROR')
        throw new MastError(`MAST answered ERROR: ${this.redact(envelope.msg ?? 'no message')}`, false);
      this.options.cache?.set(request, envelope);
      return envelope;
    }
  }

  private redact(text: string): string {
    return redact(text, this.options.token);
  }

  private async withRetries(request: MastRequest | MissionRequest): Promise<Envelope> {
    let lastError: MastError | undefined;
    for (let attempt = 0; attempt <= this.options.retries; attempt++) {
      if (attempt > 0) {
        const exponential = Math.min(this.options.maxBackoffMs, this.options.backoffMs * 2 ** (attempt - 1));
        const retryAfter = (lastError as MastError & { retryAfterMs?: number })?.retryAfterMs;
        await this.options.sleep(
          retryAfter !== undefined
            ? Math.min(retryAfter, this.options.maxBackoffMs)
            : exponential * (0.5 + this.options.random()),
        );
      }
      try {
        return await this.send(request);
      } catch (error) {
        lastError =
          error instanceof MastError
            ? error
            : new MastError(this.redact(`cannot reach MAST: ${(error as Error).message}`), true);
        if (!lastError.transient) throw lastError;
      }
    }
    throw new MastError(`${lastError!.message} (gave up after ${this.options.retries + 1} attempts)`, true);
  }

  private async send(request: MastRequest | MissionRequest): Promise<Envelope> {
    this.requests++;
    const portal = 'service' in request;
    const body = portal
      ? new URLSearchParams({ request: JSON.stringify(request) }).toString()
      : JSON.stringify(request);
    const headers: Record<string, string> = {
      'content-type': portal ? 'application/x-www-form-urlencoded' : 'application/json',
      accept: 'application/json',
      'user-agent': `hlsp-validate/${VERSION} node/${process.versions.node}`,
    };
    if (this.options.token) headers.authorization = `token ${this.options.token}`;
    let response: Awaited<ReturnType<Pool['request']>>;
    try {
      // undici loads only when the network is used, so offline and replay runs start faster.
      if (!this.pool) {
        const { Pool: UndiciPool } = await import('undici');
        this.pool = new UndiciPool(this.origin, {
          connections: this.options.concurrency,
          keepAliveTimeout: 10_000,
          pipelining: 1,
        });
      }
      response = await this.pool.request({
        path: portal ? this.path : this.missionPath,
        method: 'POST',
        headers,
        body,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
      });
    } catch (error) {
      throw new MastError(this.redact(`cannot reach MAST: ${(error as Error).message}`), true);
    }
    const status = response.statusCode;
    let text = '';
    try {
      // Only a 2xx body is used; any other is drained (not kept) so the connection can be reused.
      if (status >= 200 && status < 300)
        text = (
          await readCappedBody(response.body, this.options.maxBodyBytes, response.headers['content-length'])
        ).toString('utf8');
      else await response.body.dump({ limit: 64 * 1024 });
    } catch (error) {
      if (error instanceof AnswerTooLarge) throw new MastError(error.message, false);
      throw new MastError(this.redact(`the connection to MAST broke: ${(error as Error).message}`), true);
    }
    if (status === 429 || status >= 500) {
      const error = new MastError(`MAST answered HTTP ${status}`, true) as MastError & {
        retryAfterMs?: number;
      };
      const retryAfter = Number(response.headers['retry-after']);
      if (Number.isFinite(retryAfter)) error.retryAfterMs = retryAfter * 1000;
      throw error;
    }
    if (status >= 300 && status < 400)
      throw new MastError(
        `MAST answered a redirect (HTTP ${status}); redirects are not followed, so the token cannot leave the configured host`,
        false,
      );
    if (status >= 400)
      throw new MastError(
        `MAST refused the request (HTTP ${status})${status === 401 || status === 403 ? '; check MAST_API_TOKEN' : ''}`,
        false,
      );
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // An HTML error page from a proxy (e.g. a 504 with status 200) is transient.
      throw new MastError('MAST answered with something that is not JSON', true);
    }
    // Scrubbed here, at the one door answers come in by, so no cache file or message can hold the token.
    const answer = scrubSecrets(parsed, this.options.token);
    const problem = answerProblem(answer, answerKind(request));
    // JSON of another shape is most likely a proxy's or a maintenance page's: worth another try.
    if (problem) throw new MastError(`MAST answered JSON of an unexpected shape: ${problem}`, true);
    return answer as Envelope;
  }
}
