/**
 * JSON Schema validators for the shipped schemas (keyword profiles, config). `npm run build` turns
 * each into standalone code (scripts/compile-schemas.mjs → dist/generated/), so a run neither loads
 * ajv nor compiles; a schema that differs from the one compiled (an edited profile, a run from the
 * TypeScript sources) is compiled here with ajv, with the same options.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';

export type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** The options of every compile, at build time and at run time. */
export const AJV_OPTIONS = { allErrors: true, strict: false } as const;

/** Identifies a schema by its content, so an edited schema never meets a stale validator. */
export function schemaKey(schema: object): string {
  return createHash('sha1').update(JSON.stringify(schema)).digest('hex');
}

const generated = new URL('../generated/validators.js', import.meta.url);
const precompiled: Record<string, Validator> = await import(generated.href).then(
  (module: { validators: Record<string, Validator> }) => module.validators,
  () => ({}),
);

const requireHere = createRequire(import.meta.url);

/**
 * The validator for a schema. `checkSchema` also validates the schema itself against the JSON Schema
 * meta-schema: for schemas from outside the package, whose mistakes should be reported, not obeyed.
 */
export function compileSchema(schema: object, checkSchema = false): Validator {
  const found = precompiled[schemaKey(schema)];
  if (found && !checkSchema) return found;
  // Loaded only when needed: ajv costs about a quarter of the start-up time.
  const { default: Ajv } = requireHere('ajv') as typeof import('ajv');
  return new Ajv({ ...AJV_OPTIONS, validateSchema: checkSchema }).compile(schema);
}
