import type { CollectionRule, FileRecord } from '../../types.js';

const REASONS: Record<
  NonNullable<FileRecord['skipped']>,
  { message: string; hint: string; severity: 'error' | 'warning' }
> = {
  symlink: {
    message: 'is a symbolic link; it was not followed',
    hint: 'deliver the file itself, not a link',
    severity: 'warning',
  },
  'symlink-outside': {
    message: 'is a symbolic link that points outside the collection; it was not followed',
    hint: 'copy the file into the collection instead of linking to it',
    severity: 'warning',
  },
  'symlink-loop': {
    message: 'is a symbolic link that loops back on itself; it was not followed',
    hint: 'remove the link',
    severity: 'warning',
  },
  unreadable: {
    message: 'cannot be read (permission denied); nothing inside it was checked',
    hint: 'make it readable (chmod) and run the check again',
    severity: 'error',
  },
  special: {
    message: 'is not a regular file (a device, socket or pipe)',
    hint: 'remove it from the collection',
    severity: 'warning',
  },
};

export const skippedEntry: CollectionRule = {
  meta: {
    id: 'collection/skipped-entry',
    description:
      'Every entry of the collection could be read: no symbolic links, unreadable files or directories, or devices.',
    severity: 'error',
    scope: 'collection',
    rationale:
      'Links are never followed, so that a loop cannot hang the check and a link cannot pull in files from outside the collection; what was not read is reported rather than silently passed.',
  },
  check(context, report) {
    for (const file of context.files) {
      if (file.skipped) {
        const reason = REASONS[file.skipped];
        report({
          message: `${file.path} ${reason.message}`,
          hint: reason.hint,
          severity: reason.severity,
          path: file.path,
        });
      } else if (file.readError) {
        report({
          message: `${file.path} cannot be read: ${file.readError}`,
          hint: 'make it readable and run the check again',
          path: file.path,
        });
      }
    }
  },
};
