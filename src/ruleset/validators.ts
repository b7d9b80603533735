/**
 * The schema validators of a ruleset and of a ruleset part. Compiling them with Ajv took about half
 * a second of every CLI start (a quarter of `callqa explain` on one call), so the build
 * (scripts/build-validators.mjs) writes them as standalone code next to this module, stamped with
 * a hash of the schemas and options they were made from. That code is used only when its stamp
 * matches the schemas this code builds; otherwise (no build yet, or a schema edited and only tsc
 * run) they are compiled here, as before: a stale validator is never used.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import { rulesetPartSchema, rulesetSchema } from './schema.js';

/** verbose: problems name the allowed keys of an object from the error's parentSchema (parse.ts). */
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: false } as const;

/** Written by scripts/build-validators.mjs, beside this module's compiled file. */
export const GENERATED_FILE = './validators.generated.cjs';

export interface Validators {
  ruleset: ValidateFunction;
  part: ValidateFunction;
}

/** What the generated validators must have been made from. */
export function schemasHash(): string {
  return createHash('sha256').update(JSON.stringify([rulesetSchema(), rulesetPartSchema(), AJV_OPTIONS])).digest('hex');
}

let validators: Validators | undefined;

/** The validators, made on first use: a command that reads no ruleset pays nothing. */
export function schemaValidators(): Validators {
  return (validators ??= generatedValidators() ?? compileValidators());
}

export function compileValidators(): Validators {
  const ajv = new Ajv(AJV_OPTIONS);
  return { ruleset: ajv.compile(rulesetSchema()), part: ajv.compile(rulesetPartSchema()) };
}

function generatedValidators(): Validators | undefined {
  let generated: Partial<Validators> & { hash?: string };
  try {
    generated = createRequire(import.meta.url)(GENERATED_FILE) as typeof generated;
  } catch {
    return undefined; // not built (tests run the sources): compiled instead
  }
  if (generated.hash !== schemasHash() || !generated.ruleset || !generated.part) return undefined;
  return { ruleset: generated.ruleset, part: generated.part };
}
