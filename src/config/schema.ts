import type { RuleMeta } from '../types.js';

const SEVERITY_SETTING = { enum: ['off', 'info', 'warning', 'error'] };

/** schemas/config.schema.json, generated from the rule metadata so the two cannot drift. */
export function configSchema(rules: RuleMeta[]): object {
  const ids = rules.map((rule) => rule.id).sort();
  const groups = [...new Set(ids.map((id) => id.split('/')[0]!))].sort();
  const ruleKeys = [...groups, ...groups.map((group) => `${group}/*`), ...ids];
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/hlsp-validate/hlsp-validate/schemas/config.schema.json',
    title: 'hlsp-validate configuration (hlsp.config.json)',
    description: 'Generated from the rule metadata by `npm run generate`; do not edit the rule list by hand.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      project: {
        type: 'string',
        description: "The collection's HLSP id (proj-id), as in every file name.",
        pattern: '^[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]$',
        maxLength: 20,
      },
      doi: { type: 'string', description: 'The collection DOI minted by MAST.', pattern: '^10\\.17909/' },
      title: { type: 'string', description: 'Long title of the collection (HLSPNAME).' },
      lead: { type: 'string', description: 'Full name of the HLSP lead (HLSPLEAD).' },
      version: { type: 'string', description: 'Version of this delivery (HLSPVER), e.g. v1.0.' },
      profiles: {
        type: 'array',
        description: 'Keyword profiles for files matched by a glob, relative to the collection root.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['files', 'profiles'],
          properties: {
            files: { type: 'string', minLength: 1 },
            profiles: {
              type: 'array',
              items: { enum: ['common', 'image', 'spectrum', 'lightcurve', 'catalog', 'jwst'] },
              minItems: 1,
            },
          },
        },
      },
      rules: {
        type: 'object',
        description:
          'Severity for a rule id or a whole group (`fits`, `fits/*`): off, info, warning or error.',
        propertyNames: { enum: ruleKeys },
        additionalProperties: SEVERITY_SETTING,
      },
      ignore: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: 'Globs of paths not to check.',
      },
      mast: {
        type: 'object',
        additionalProperties: false,
        properties: {
          mode: { enum: ['online', 'cache', 'offline'] },
          url: { type: 'string', format: 'uri' },
          cacheDir: { type: 'string', description: 'Relative to this file.' },
          required: {
            type: 'boolean',
            description:
              'Fail the run (exit 1) when the MAST cross-reference did not happen: MAST unreachable, a missing recorded answer, or offline mode. Like --require-mast.',
          },
        },
      },
    },
  };
}
