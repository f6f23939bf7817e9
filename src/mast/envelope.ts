/** The shape of MAST answers the client relies on, checked before an answer is used or replayed. */

export type Row = Record<string, unknown>;

export interface Envelope {
  status?: string;
  msg?: string;
  data?: Row[];
  paging?: { page?: number; pageSize?: number; pagesFiltered?: number; rows?: number; rowsFiltered?: number };
  /** Mission Search answers carry `results` instead of `data`. */
  results?: Row[];
}

/** Portal API (`data` rows with paging) or JWST Mission Search (`results` rows). */
export type AnswerKind = 'portal' | 'mission';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function rowsProblem(value: unknown, name: string): string | null {
  if (!Array.isArray(value)) return `${name} is not a list`;
  const bad = value.findIndex((row) => !isRecord(row));
  return bad < 0 ? null : `${name} item ${bad + 1} is not an object`;
}

/**
 * Why a value is not a finished answer of the given kind, or null when it is one. A finished
 * answer is what the client returns and caches: never EXECUTING or ERROR, and with its rows.
 */
export function finishedAnswerProblem(value: unknown, kind: AnswerKind): string | null {
  if (!isRecord(value)) return 'the answer is not an object';
  if (value.status !== undefined && typeof value.status !== 'string') return 'status is not text';
  if (value.status === 'EXECUTING' || value.status === 'ERROR') return `status is ${value.status}`;
  if (value.msg !== undefined && typeof value.msg !== 'string') return 'msg is not text';
  if (kind === 'mission') return rowsProblem(value.results, 'results');
  if (value.paging !== undefined) {
    if (!isRecord(value.paging)) return 'paging is not an object';
    const pages = value.paging.pagesFiltered;
    if (pages !== undefined && typeof pages !== 'number') return 'paging.pagesFiltered is not a number';
  }
  return rowsProblem(value.data, 'data');
}

/** Why a value is not an answer at all (before its status is looked at), or null. */
export function answerProblem(value: unknown, kind: AnswerKind): string | null {
  if (!isRecord(value)) return 'the answer is not an object';
  // EXECUTING and ERROR answers carry no rows worth checking; their status is handled by the caller.
  if (value.status === 'EXECUTING' || value.status === 'ERROR')
    return value.msg !== undefined && typeof value.msg !== 'string' ? 'msg is not text' : null;
  return finishedAnswerProblem(value, kind);
}
