// Writes the ruleset schema's validators as standalone code (dist/ruleset/validators.generated.cjs),
// so that no CLI start compiles them with Ajv (about half a second). Run by `npm run build` after tsc.
// src/ruleset/validators.ts uses the file only while its hash matches the schemas the code builds.
import { writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => pathToFileURL(join(ROOT, 'dist', p)).href;
const { rulesetPartSchema, rulesetSchema } = await import(dist('ruleset/schema.js'));
const { AJV_OPTIONS, GENERATED_FILE, schemasHash } = await import(dist('ruleset/validators.js'));

const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
ajv.addSchema(rulesetSchema(), 'ruleset');
ajv.addSchema(rulesetPartSchema(), 'part');
const code = `${standaloneCode.default(ajv, { ruleset: 'ruleset', part: 'part' })}\nexports.hash = ${JSON.stringify(schemasHash())};\n`;
const file = join(ROOT, 'dist/ruleset', GENERATED_FILE);
writeFileSync(file, code);
console.log(`${relative(process.cwd(), file)}: the ruleset and part validators, ${Math.round(code.length / 1024)} KB`);
