/**
 * A rule that throws costs one finding, never the run: the engine catches the exception, reports
 * `internal/rule-crashed` on the file, and goes on with the next rule and the next file.
 */
import type { Finding } from '../report/types.js';
import type { FindingInput, MastRule, ReportFn, RuleMeta } from '../types.js';
import { toFinding } from './findings.js';

/** The id of the finding for a crashed rule (its documentation: src/rules/internal/rule-crashed.ts). */
export const RULE_CRASHED = 'internal/rule-crashed';
/** An error message is text from a rule (or from a file through it): kept short in the report. */
const MAX_ERROR_CHARS = 300;

/**
 * Whether a crash is rethrown instead of reported, when the caller does not say. The test suite
 * sets HLSP_RETHROW_RULE_ERRORS=1 (vitest.config.ts), so that no test passes over a crash that a
 * finding would otherwise hide.
 */
export function rethrowRuleErrorsByDefault(): boolean {
  return process.env.HLSP_RETHROW_RULE_ERRORS === '1';
}

/** "Name: message", first line only (no stack), cut to a bounded length; never throws itself. */
export function describeError(error: unknown): string {
  let text: string;
  try {
    text =
      error instanceof Error
        ? `${error.name}: ${error.message}`
        : typeof error === 'string'
          ? error
          : `thrown ${typeof error}: ${String(error)}`;
  } catch {
    text = 'an exception that cannot be described';
  }
  const firstLine = text.split(/\r?\n/, 1)[0]!.trim();
  return firstLine.length > MAX_ERROR_CHARS ? `${firstLine.slice(0, MAX_ERROR_CHARS - 1)}…` : firstLine;
}

/** What the engine reports for a rule that threw on a file (or on the collection, or a MAST product). */
export function crashInput(ruleId: string, error: unknown, path?: string): FindingInput {
  return {
    message: `rule ${ruleId} crashed (${describeError(error)}): what it checks was not checked here`,
    hint: 'this is a defect of the rule, not of the data: report it to the rule author with the file',
    severity: 'error',
    ...(path !== undefined ? { path } : {}),
  };
}

/** Where a rule's findings go: its id, its default severity, and what it reported. */
export type RulePush = (ruleId: string, severity: Finding['severity'], input: FindingInput) => void;

/**
 * Runs rules on one subject (a file, a member, the collection): each rule reports through `push`,
 * and a rule that throws costs one `internal/rule-crashed` finding there, not the run. Rules run
 * one at a time and report while they run, so one report function serves them all: it reports
 * for the rule running now (no closures made per rule and file).
 */
export function ruleRunner(
  push: RulePush,
  rethrow: boolean,
): <C>(rule: { meta: RuleMeta; check(context: C, report: ReportFn): void }, context: C) => void {
  let running: RuleMeta | undefined;
  const report: ReportFn = (input) => {
    // A report kept and called after the checks (rules are synchronous) has no file to go to.
    if (running !== undefined) push(running.id, running.severity, input);
  };
  return (rule, context) => {
    const outer = running;
    running = rule.meta;
    try {
      rule.check(context, report);
    } catch (error) {
      if (rethrow) throw error;
      push(RULE_CRASHED, 'error', crashInput(rule.meta.id, error));
    } finally {
      running = outer;
    }
  };
}

/** Runs one rule, reporting a crash through `onCrash` unless `rethrow` is set. */
export function runContained(run: () => void, rethrow: boolean, onCrash: (error: unknown) => void): void {
  try {
    run();
  } catch (error) {
    if (rethrow) throw error;
    onCrash(error);
  }
}

/**
 * The MAST rules run inside the MAST pass, out of the engine's loops: each is wrapped so that a
 * crash on one product is kept aside and the pass goes on; `withCrashes` adds them to its findings.
 */
export function containMastRules(
  rules: MastRule[],
  rethrow: boolean = rethrowRuleErrorsByDefault(),
): { rules: MastRule[]; withCrashes<R extends { findings: Finding[] }>(result: R): R } {
  const crashes: Finding[] = [];
  const wrapped = rules.map(
    (rule): MastRule => ({
      meta: rule.meta,
      check: (context, report) =>
        runContained(
          () => rule.check(context, report),
          rethrow,
          (error) => {
            const path = context.product.path;
            const finding = toFinding(
              RULE_CRASHED,
              'error',
              path,
              crashInput(rule.meta.id, error),
              undefined,
            );
            if (finding) crashes.push(finding);
          },
        ),
    }),
  );
  return {
    rules: wrapped,
    withCrashes: (result) => ({ ...result, findings: [...result.findings, ...crashes.splice(0)] }),
  };
}
