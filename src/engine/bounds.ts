/**
 * Bounds on what a run reports, whatever the input: findings of one kind per HDU, the length of a
 * message and of a hint, and the bytes of all findings in a report. A header that claims 999 axes
 * must cost a reviewer a few lines, not a report of gigabytes.
 */
import type { Finding, FindingCause, NotChecked, Severity } from '../report/types.js';

/** Findings of one rule on one HDU of one file listed before the rest are summed up in one. */
export const MAX_FINDINGS_PER_KIND = 20;
export const MAX_MESSAGE_CHARS = 1000;
export const MAX_HINT_CHARS = 500;
/** Default cap on the findings' bytes in one report (HLSP_MAX_REPORT_BYTES or `maxReportBytes`). */
export const DEFAULT_MAX_REPORT_BYTES = 256 * 1024 * 1024;

/** The text, cut to `max` characters with "…" when longer. */
export function cutText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

interface Kind {
  listed: number;
  /** The "and N more" finding, once there is one; updated in place as more are held back. */
  rest?: Finding;
  held: number;
}

/**
 * Admits the first MAX_FINDINGS_PER_KIND findings of each rule on each HDU of each file; the rest
 * are counted into one finding of the same rule, with the severity of the worst held back.
 */
export class FindingLimit {
  private readonly kinds = new Map<string, Kind>();

  constructor(private readonly perKind = MAX_FINDINGS_PER_KIND) {}

  /** Adds the finding to `findings`, or counts it into the kind's "and N more" finding there. */
  add(finding: Finding, findings: Finding[]): void {
    const key = `${finding.path}\0${finding.ruleId}\0${finding.hdu ?? ''}`;
    let kind = this.kinds.get(key);
    if (!kind) {
      kind = { listed: 0, held: 0 };
      this.kinds.set(key, kind);
    }
    if (kind.listed < this.perKind) {
      kind.listed++;
      findings.push(finding);
      return;
    }
    kind.held++;
    const where = finding.hdu === null ? '' : ` in HDU ${finding.hdu}`;
    const message = `and ${kind.held} more ${finding.ruleId} finding${kind.held === 1 ? '' : 's'}${where}, not listed (the first ${this.perKind} are)`;
    if (!kind.rest) {
      kind.rest = { ...finding, keyword: null, offset: null, message };
      delete kind.rest.hint;
      delete kind.rest.context;
      findings.push(kind.rest);
    } else {
      kind.rest.message = message;
      if (RANK[finding.severity] > RANK[kind.rest.severity]) kind.rest.severity = finding.severity;
      // The count follows from one cause only while every finding it stands for does.
      if (kind.rest.causedBy && !sameCause(kind.rest.causedBy, finding.causedBy)) delete kind.rest.causedBy;
    }
  }
}

function sameCause(a: FindingCause, b: FindingCause | undefined): boolean {
  return (
    b !== undefined &&
    a.ruleId === b.ruleId &&
    a.hdu === b.hdu &&
    a.keyword === b.keyword &&
    a.offset === b.offset
  );
}

/** A finding's size in a report, roughly (its JSON, for ASCII text): for the report byte cap. */
function approximateBytes(finding: Finding): number {
  let bytes = 200 + finding.path.length + finding.ruleId.length + finding.message.length;
  if (finding.keyword) bytes += finding.keyword.length;
  if (finding.hint) bytes += finding.hint.length;
  if (finding.context) for (const line of finding.context) bytes += line.length + 8;
  return bytes;
}

/**
 * Keeps the sorted findings up to `maxBytes` of report; the rest are dropped, with a note saying
 * how many. The caller has counted them all into the summary and the verdicts first.
 */
export function capReportBytes(findings: Finding[], maxBytes: number): NotChecked | undefined {
  let bytes = 0;
  for (let i = 0; i < findings.length; i++) {
    bytes += approximateBytes(findings[i]!);
    if (bytes <= maxBytes) continue;
    const dropped = findings.length - i;
    findings.length = i;
    return {
      ruleId: '*',
      reason: `the report reached its cap of ${maxBytes} bytes of findings (HLSP_MAX_REPORT_BYTES): the last ${dropped} findings are not listed; the summary counts them all`,
    };
  }
  return undefined;
}
