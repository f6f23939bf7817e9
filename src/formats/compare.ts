/**
 * Holds what a file's name promises against what its bytes were sniffed as, so that no file passes
 * on the strength of its name alone.
 */
import {
  EXTENSION_PROMISES,
  type ExtensionPromise,
  type FormatId,
  formatInfo,
  promiseForName,
  SUGGESTED_EXTENSION,
} from './registry.js';
import type { SniffResult } from './sniff.js';

/**
 * - `agrees`: the content keeps the name's promise.
 * - `disagrees`: the content is another format (or plain where the name promises compression).
 * - `truncated`: the content is the promised format, but its required end is missing.
 * - `empty`: the name promises a format and the file (or what it compresses) has no bytes.
 * - `unpromised`: the extension is not in the registry, so only the content counts.
 */
export type FormatVerdict = 'agrees' | 'disagrees' | 'truncated' | 'empty' | 'unpromised';

export interface FormatComparison {
  verdict: FormatVerdict;
  /** What the name promises; undefined when its extension is not in the registry. */
  promise: ExtensionPromise | undefined;
  /** What the bytes on disk were sniffed as. */
  found: SniffResult;
  /** Why the content does not keep the promise, naming both; absent for `agrees` and `unpromised`. */
  message?: string;
  /** A listed extension that would match the content (`png`, `fits.gz`), when a mismatch has one. */
  suggestedExtension?: string;
}

/**
 * Compares the promise of `fileName`'s extension with `found`, the sniffed bytes on disk. For a
 * compressed name, `inner` may give what the start of the decompressed content sniffed as; without
 * it, only the compression is judged.
 */
export function compareFormat(fileName: string, found: SniffResult, inner?: SniffResult): FormatComparison {
  const promise = promiseForName(fileName);
  if (!promise) return { verdict: 'unpromised', promise, found };
  // Quote the extension as the name spells it: `.FITS`, not `.fits`.
  const named = `named ${fileName.slice(fileName.length - promise.extension.length - 1)}`;
  if (found.format === 'empty')
    return { verdict: 'empty', promise, found, message: `${named}, but it is empty` };

  if (promise.containers.length > 0) return compareCompressed(promise, named, found, inner);

  if (!promise.accepts.includes(found.format)) return disagreement(promise, named, found);
  if (found.truncated) {
    return {
      verdict: 'truncated',
      promise,
      found,
      message: `${named} and it starts as ${label(found.format)}, but ${TRUNCATION[found.format] ?? 'its end is missing'}: the file is truncated`,
    };
  }
  return { verdict: 'agrees', promise, found };
}

/** What is missing from a truncated file, by format. */
const TRUNCATION: Partial<Record<FormatId, string>> = {
  parquet: 'the PAR1 that must end the file is missing',
};

function compareCompressed(
  promise: ExtensionPromise,
  named: string,
  found: SniffResult,
  inner: SniffResult | undefined,
): FormatComparison {
  if (!(promise.containers as readonly FormatId[]).includes(found.format)) {
    // Content of the promised kind, but stored plain: the name's compression suffix is wrong.
    if (promise.accepts.includes(found.format) && !found.truncated) {
      return {
        verdict: 'disagrees',
        promise,
        found,
        message: `${named}, but it holds ${label(found.format)} that is not compressed`,
        ...uncompressedSuggestion(promise),
      };
    }
    return disagreement(promise, named, found);
  }
  if (!inner) return { verdict: 'agrees', promise, found };
  const compression = label(found.format);
  if (inner.format === 'empty') {
    return {
      verdict: 'empty',
      promise,
      found,
      message: `${named}, but it holds ${compression} of an empty file`,
    };
  }
  if (!promise.accepts.includes(inner.format)) {
    return {
      verdict: 'disagrees',
      promise,
      found,
      message: `${named}, but it holds ${compression} of ${describe(inner)}`,
    };
  }
  return { verdict: 'agrees', promise, found };
}

function disagreement(promise: ExtensionPromise, named: string, found: SniffResult): FormatComparison {
  return {
    verdict: 'disagrees',
    promise,
    found,
    message: `${named}, but it holds ${describe(found)}`,
    ...suggestion(found, promise),
  };
}

/**
 * A listed extension that `found` would match: for compressed content, the name's own extension with
 * that compression added (`.fits` holding gzip → `fits.gz`); otherwise the one for its format.
 */
function suggestion(found: SniffResult, promise?: ExtensionPromise): { suggestedExtension?: string } {
  if (found.truncated) return {};
  const compressedForm = promise
    ? EXTENSION_PROMISES.find(
        (candidate) =>
          candidate.extension.startsWith(`${promise.extension}.`) &&
          (candidate.containers as readonly FormatId[]).includes(found.format),
      )
    : undefined;
  const extension = compressedForm?.extension ?? SUGGESTED_EXTENSION[found.format];
  return extension ? { suggestedExtension: extension } : {};
}

/** For a compressed name holding plain content: the name without its compression, when listed. */
function uncompressedSuggestion(promise: ExtensionPromise): { suggestedExtension?: string } {
  const plainExtension = promise.extension.slice(0, promise.extension.lastIndexOf('.'));
  const plainPromise = EXTENSION_PROMISES.find((candidate) => candidate.extension === plainExtension);
  return plainPromise ? { suggestedExtension: plainExtension } : {};
}

function label(format: FormatId): string {
  return formatInfo(format).label;
}

function describe(found: SniffResult): string {
  return found.truncated ? `${label(found.format)} cut short (truncated)` : label(found.format);
}
