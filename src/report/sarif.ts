import { uncheckedFiles } from './coverage.js';
import { foldFindings } from './fold.js';
import { jsonPieces, LazyArray, lazyMap } from './json-pieces.js';
import type { Finding, Formatter, FormatterContext, Report, Severity } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/** SARIF 2.1.0: one run, rules with help links, results with relative artifact locations. */
export const sarif: Formatter = (report, context) =>
  `${JSON.stringify(sarifLog(report, context), null, 2)}\n`;

/** The same bytes as `sarif`, in pieces: the results are made as they are written. */
export function* sarifChunks(report: Report, context: FormatterContext): Generator<string> {
  yield* jsonPieces(sarifLog(report, context), 2);
  yield '\n';
}

function sarifLog(report: Report, context: FormatterContext) {
  const ruleIds = [
    ...new Set([...Object.keys(context.rules), ...report.findings.map((f) => f.ruleId)]),
  ].sort();
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => {
    const meta = context.rules[id];
    return {
      id,
      shortDescription: { text: meta?.description ?? id },
      ...(meta ? { helpUri: meta.docsUrl, defaultConfiguration: { level: LEVEL[meta.severity] } } : {}),
    };
  });
  const artifactLocation = (path: string) => ({
    uri: encodeURI(path || '.').replace(/[?#]/g, encodeURIComponent),
    uriBaseId: 'COLLECTION',
  });
  const location = (path: string) => ({ physicalLocation: { artifactLocation: artifactLocation(path) } });
  const ruleReference = (id: string) => (index.has(id) ? { id, index: index.get(id)! } : { id });
  // What was not checked is not a result about the files but about the run: tool notifications.
  const notifications = new LazyArray(function* () {
    yield* lazyMap(uncheckedFiles(report), (file) => ({
      level: 'warning' as const,
      message: { text: `${file.path || '.'} was not checked (${file.format}): ${file.reason}` },
      locations: [location(file.path)],
      associatedRule: ruleReference(file.ruleId),
      properties: { format: file.format },
    }));
    yield* lazyMap(report.notChecked, (entry) => ({
      level: 'warning' as const,
      message: { text: `${entry.ruleId} was not checked: ${entry.reason}` },
      ...(entry.path !== undefined ? { locations: [location(entry.path)] } : {}),
      associatedRule: ruleReference(entry.ruleId),
    }));
  });
  const physicalLocation = (finding: Finding) => ({
    artifactLocation: artifactLocation(finding.path),
    ...(finding.offset !== null ? { region: { byteOffset: finding.offset, byteLength: 80 } } : {}),
  });
  const whereOf = (finding: Finding) =>
    [finding.hdu !== null ? `HDU ${finding.hdu}` : '', finding.keyword ?? ''].filter(Boolean).join(', ');
  // One result per root cause; the findings that follow from it are its related locations.
  const results = lazyMap(foldFindings(report.findings), ({ finding, caused }) => {
    const region = finding.offset !== null ? { region: { byteOffset: finding.offset, byteLength: 80 } } : {};
    const where = whereOf(finding);
    const related =
      caused.length === 0
        ? {}
        : {
            relatedLocations: caused.map((note, i) => ({
              id: i + 1,
              physicalLocation: physicalLocation(note),
              message: {
                text: `note: ${note.severity}${whereOf(note) ? ` (${whereOf(note)})` : ''}: ${note.message} (${note.ruleId})`,
              },
            })),
          };
    return {
      ruleId: finding.ruleId,
      ruleIndex: index.get(finding.ruleId)!,
      level: LEVEL[finding.severity],
      message: {
        text: `${where ? `${where}: ` : ''}${finding.message}${finding.hint ? ` (${finding.hint})` : ''}`,
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(finding.path),
            ...region,
          },
        },
      ],
      ...related,
      properties: {
        hdu: finding.hdu,
        keyword: finding.keyword,
        ...(caused.length > 0
          ? {
              caused: caused.map((note) => ({
                ruleId: note.ruleId,
                level: LEVEL[note.severity],
                hdu: note.hdu,
                keyword: note.keyword,
                message: note.message,
              })),
            }
          : {}),
      },
    };
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'hlsp-validate',
            version: report.tool.version,
            informationUri: 'https://github.com/hlsp-validate/hlsp-validate',
            rules,
          },
        },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        originalUriBaseIds: {
          COLLECTION: { description: { text: 'The collection root given to hlsp-validate' } },
        },
        results,
      },
    ],
  };
}
