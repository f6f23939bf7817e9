/**
 * A fake MAST on loopback, for tests: the Portal API serves CAOM rows with MAST's envelope and paging,
 * the JWST Mission Search serves dataset rows (limit/offset paging, comma lists as "any of"),
 * and scripted faults (EXECUTING, ERROR, 503, HTML 504, 429 with Retry-After, slow answers,
 * dropped connections, redirects, oversized answers, answers echoing the Authorization header).
 * Bounded: it answers at most `maxRequests` requests.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | { kind: 'executing' }
  | { kind: 'error'; msg: string }
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  | { kind: 'slow'; ms: number }
  | { kind: 'drop' }
  | { kind: 'redirect'; location: string }
  /** A valid Portal answer of about `bytes` bytes, streamed with backpressure; see `largeAnswer`. */
  | { kind: 'large'; bytes: number; declareLength?: boolean }
  /** A valid Portal answer whose message and rows repeat the request's Authorization header. */
  | { kind: 'echo-authorization' }
  /** These bytes as a 200 JSON answer, e.g. an answer MAST really sent (fixtures/mast-recorded). */
  | { kind: 'recorded'; body: string };

/** How far a `large` answer got: a client that stops reading leaves `finished` false. */
export interface LargeAnswerProgress {
  total: number;
  sent: number;
  finished: boolean;
}

export interface MissionSearch {
  select_cols: string[];
  conditions: Record<string, string>[];
  limit: number;
  offset: number;
}

export interface RecordedRequest {
  headers: IncomingMessage['headers'];
  /** `/api/v0/invoke` (Portal) or `/search/jwst/api/v0.1/search` (Mission Search). */
  path: string;
  request: {
    service: string;
    params: { columns: string; filters: { paramName: string; values: unknown[] }[] };
    page: number;
    pagesize: number;
  };
  /** The JSON body of a Mission Search. */
  search?: MissionSearch;
}

export type Row = Record<string, unknown>;

function recorded(): { rows: Row[]; datasets: Row[] } {
  const file = new URL('../../fixtures/mast-recorded/jwst-observations.json', import.meta.url);
  return JSON.parse(readFileSync(file, 'utf8')) as { rows: Row[]; datasets: Row[] };
}

/** CAOM observation rows (Portal API). */
export function recordedRows(): Row[] {
  return recorded().rows;
}

/** JWST dataset rows (Mission Search). */
export function recordedDatasets(): Row[] {
  return recorded().datasets;
}

const MISSION_SEARCH = '/search/jwst/api/v0.1/search';

export class FakeMast {
  readonly requests: RecordedRequest[] = [];
  /** Faults to play, one per request, before normal answers resume. */
  readonly faults: Fault[] = [];
  /** Progress of the last `large` answer. */
  largeAnswer: LargeAnswerProgress | undefined;
  private server: Server | undefined;

  constructor(
    public rows: Row[] = recordedRows(),
    private readonly maxRequests = 2000,
    public datasets: Row[] = recordedDatasets(),
  ) {}

  get url(): string {
    const address = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (this.requests.length >= this.maxRequests) {
      res.writeHead(503).end('request limit of the fake server reached');
      return;
    }
    const path = req.url ?? '';
    const mission = path.endsWith(MISSION_SEARCH);
    if (req.method !== 'POST' || !(mission || path.endsWith('/api/v0/invoke'))) {
      res.writeHead(404).end('not found');
      return;
    }
    const text = Buffer.concat(chunks).toString('utf8');
    let request = {} as RecordedRequest['request'];
    let search: MissionSearch | undefined;
    if (mission) {
      try {
        search = JSON.parse(text) as MissionSearch;
      } catch {
        res.writeHead(400).end('the body is not JSON');
        return;
      }
    } else
      request = JSON.parse(new URLSearchParams(text).get('request') ?? '{}') as RecordedRequest['request'];
    this.requests.push({ headers: req.headers, path, request, ...(search ? { search } : {}) });
    const fault = this.faults.shift();
    if (fault) {
      switch (fault.kind) {
        case 'executing':
          return this.json(res, { status: 'EXECUTING', msg: '', data: [], fields: [], paging: {} });
        case 'error':
          return this.json(res, { status: 'ERROR', msg: fault.msg, data: [] });
        case 'status':
          res
            .writeHead(fault.status, { 'content-type': 'text/html', ...fault.headers })
            .end(fault.body ?? '');
          return;
        case 'slow':
          await new Promise((resolve) => setTimeout(resolve, fault.ms));
          break;
        case 'drop':
          req.socket.destroy();
          return;
        case 'redirect':
          res.writeHead(302, { location: fault.location }).end();
          return;
        case 'large':
          return this.streamLarge(res, fault.bytes, fault.declareLength ?? false);
        case 'echo-authorization':
          return this.echoAuthorization(res, req.headers.authorization ?? '');
        case 'recorded':
          res.writeHead(200, { 'content-type': 'application/json' }).end(fault.body);
          return;
      }
    }
    if (search) this.answerSearch(res, search);
    else this.answer(res, request);
  }

  private answerSearch(res: ServerResponse, search: MissionSearch): void {
    let rows = this.datasets;
    for (const condition of search.conditions ?? []) {
      for (const [column, value] of Object.entries(condition)) {
        const wanted = new Set(value.split(',').map((v) => v.trim().toLowerCase()));
        rows = rows.filter((row) => wanted.has(String(row[column] ?? '').toLowerCase()));
      }
    }
    const columns = search.select_cols?.length ? search.select_cols : Object.keys(rows[0] ?? {});
    const results = rows
      .slice(search.offset ?? 0, (search.offset ?? 0) + (search.limit ?? 5000))
      .map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? null])));
    this.json(res, {
      messages: [],
      info: columns.map((name) => ({ name, type: 'VARCHAR' })),
      search_params: search,
      results,
    });
  }

  private answer(res: ServerResponse, request: RecordedRequest['request']): void {
    let rows = this.rows;
    for (const filter of request.params?.filters ?? []) {
      const wanted = new Set(filter.values.map((v) => String(v).toLowerCase()));
      rows = rows.filter((row) => wanted.has(String(row[filter.paramName] ?? '').toLowerCase()));
    }
    if (request.params?.columns && request.params.columns !== '*') {
      const columns = request.params.columns.split(',').map((c) => c.trim());
      rows = rows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? null])));
    }
    const pageSize = request.pagesize || 50000;
    const page = request.page || 1;
    const data = rows.slice((page - 1) * pageSize, page * pageSize);
    const fields = Object.keys(rows[0] ?? {}).map((name) => ({
      name,
      type: typeof rows[0]![name] === 'number' ? 'float' : 'string',
    }));
    this.json(res, {
      status: 'COMPLETE',
      msg: '',
      paging: {
        page,
        pageSize,
        pagesFiltered: Math.max(1, Math.ceil(rows.length / pageSize)),
        rows: data.length,
        rowsFiltered: rows.length,
        rowsTotal: rows.length,
      },
      fields,
      data,
    });
  }

  /** Streams a valid envelope of `bytes` bytes, writing only as fast as the client reads. */
  private async streamLarge(res: ServerResponse, bytes: number, declareLength: boolean): Promise<void> {
    const head = '{"status":"COMPLETE","msg":"","paging":{"page":1,"pagesFiltered":1},"data":[';
    const tail = ']}';
    const row = `{"obs_id":"${'x'.repeat(1000)}"}`;
    const rows = Math.max(1, Math.floor((bytes - head.length - tail.length) / (row.length + 1)));
    const total = head.length + rows * row.length + (rows - 1) + tail.length;
    const progress: LargeAnswerProgress = { total, sent: 0, finished: false };
    this.largeAnswer = progress;
    let closed = false;
    res.on('close', () => {
      closed = true;
    });
    res.writeHead(200, {
      'content-type': 'application/json',
      ...(declareLength ? { 'content-length': String(total) } : {}),
    });
    const write = async (text: string): Promise<void> => {
      progress.sent += text.length;
      if (!res.write(text))
        await new Promise<void>((resolve) => {
          res.once('drain', resolve);
          res.once('close', resolve);
        });
    };
    await write(head);
    const perChunk = 64;
    for (let i = 0; i < rows && !closed; i += perChunk) {
      const count = Math.min(perChunk, rows - i);
      await write(`${i === 0 ? '' : ','}${Array(count).fill(row).join(',')}`);
    }
    if (closed) return;
    res.end(tail);
    progress.sent += tail.length;
    progress.finished = true;
  }

  /**
   * A valid answer that repeats the Authorization header back, as a careless proxy or debug echo
   * might: in the message, in a row, as `Bearer …` and `token=…`, and with the token's characters
   * written as JSON \u escapes, which only a parsed (not a textual) scrub can see.
   */
  private echoAuthorization(res: ServerResponse, authorization: string): void {
    const token = authorization.replace(/^\S+\s+/, '');
    const escaped = [...token].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    const row = {
      obs_id: 'jw02736-o001_t001_nircam_clear-f200w',
      echo: { authorization, Authorization: authorization },
      note: `Bearer ${token}`,
      link: `https://mast.stsci.edu/api/v0.1/download?token=${token}&uri=x`,
      [`header-${token}`]: 'a key holding the token',
    };
    const text = JSON.stringify({
      status: 'COMPLETE',
      msg: `request headers: Authorization: ${authorization}`,
      paging: { page: 1, pagesFiltered: 1 },
      data: [row],
    });
    // The row is the last value of the envelope: add the escaped field just before its closing `}]}`.
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(`${text.slice(0, -3)},"escaped":"${escaped}"}]}`);
  }

  private json(res: ServerResponse, body: unknown): void {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
}
