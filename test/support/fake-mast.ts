/**
 * A fake MAST Portal API on loopback, for tests: serves CAOM rows with MAST's envelope and paging,
 * and scripted faults (EXECUTING, ERROR, 503, HTML 504, 429 with Retry-After, slow answers,
 * dropped connections, redirects). Bounded: it answers at most `maxRequests` requests.
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
  | { kind: 'redirect'; location: string };

export interface RecordedRequest {
  headers: IncomingMessage['headers'];
  request: {
    service: string;
    params: { columns: string; filters: { paramName: string; values: unknown[] }[] };
    page: number;
    pagesize: number;
  };
}

export type Row = Record<string, unknown>;

export function recordedRows(): Row[] {
  const file = new URL('../../fixtures/mast-recorded/jwst-observations.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { rows: Row[] }).rows;
}

export class FakeMast {
  readonly requests: RecordedRequest[] = [];
  /** Faults to play, one per request, before normal answers resume. */
  readonly faults: Fault[] = [];
  private server: Server | undefined;

  constructor(
    public rows: Row[] = recordedRows(),
    private readonly maxRequests = 2000,
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
    if (req.method !== 'POST' || !req.url?.endsWith('/api/v0/invoke')) {
      res.writeHead(404).end('not found');
      return;
    }
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const request = JSON.parse(form.get('request') ?? '{}') as RecordedRequest['request'];
    this.requests.push({ headers: req.headers, request });
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
      }
    }
    this.answer(res, request);
  }

  private answer(res: ServerResponse, request: RecordedRequest['request']): void {
    let rows = this.rows;
    for (const filter of request.params?.filters ?? []) {
      const wanted = new Set(filter.values.map((v) => String(v).toLowerCase()));
      rows = rows.filter((row) => wanted.has(String(row[filter.paramName] ?? '').toLowerCase()));
    }
    if (request.params?.columns && request.params.columns !== '*') {
      const columns = request.params.columns.split(',').map((c) => c.trim());
      rows = rows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c]])));
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

  private json(res: ServerResponse, body: unknown): void {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
}
