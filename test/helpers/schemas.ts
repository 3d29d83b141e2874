/** JSON Schema validators the report tests share: SARIF 2.1.0 (draft-04, from @microsoft/jest-sarif) and draft-07 schemas. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type Validator = ((d: unknown) => boolean) & { errors?: unknown[] | null };
type AjvLike = { compile(s: object): Validator };

let sarif: Validator | undefined;

/** The SARIF 2.1.0 schema (the OASIS errata schema @microsoft/jest-sarif ships). */
export function sarifValidator(): Validator {
  if (sarif) return sarif;
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  // CommonJS packages: take their default exports through require.
  const Ajv = require('ajv-draft-04').default as new (o: object) => AjvLike;
  const addFormats = require('ajv-formats').default as (a: unknown) => void;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  sarif = ajv.compile(schema);
  return sarif;
}

/** A validator for a draft-07 schema (ajv's default draft), strict so that a schema mistake fails too. */
export function draft07(schema: object, opts: { strict?: boolean } = {}): Validator {
  const Ajv = require('ajv').default as new (o: object) => AjvLike;
  const addFormats = require('ajv-formats').default as (a: unknown) => void;
  // strictRequired off: `anyOf: [{ required: [a] }, { required: [b] }]` (one of two keys present) is plain JSON Schema.
  const ajv = new Ajv({ allErrors: true, strict: opts.strict ?? true, strictRequired: false, allowUnionTypes: true });
  addFormats(ajv);
  return ajv.compile(schema);
}
