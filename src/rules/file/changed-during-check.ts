import type { FileRule } from '../../types.js';

/**
 * Reported by the engine (src/engine/check-file.ts), not by this check: listed here so that the id
 * has its metadata, its place in `hlsp-validate rules`, its docs page and its config entry.
 */
export const changedDuringCheck: FileRule = {
  meta: {
    id: 'file/changed-during-check',
    description:
      'A file whose size or modification time changed while it was checked is reported: what was read of it describes neither version.',
    severity: 'error',
    scope: 'file',
    rationale:
      "Checking a collection while an upload or a pipeline still writes to it gives findings, checksums and a manifest for bytes that are no longer there. The engine compares each file's size and modification time before and after its check; `hlsp-validate manifest` refuses to write a manifest (exit 2) when a file changed. Reported by the engine; this rule itself checks nothing.",
    source: 'hlsp-validate: docs/security.md',
  },
  check() {
    // The engine compares each file before and after its check and reports this id.
  },
};
