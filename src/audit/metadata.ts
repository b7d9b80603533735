/**
 * Call metadata from outside the transcript (`--manifest calls.csv`, `--name-pattern
 * "{agent_id}_{date}_{call_id}"`), merged into each call before it is scored. Precedence and
 * conflicts are src/meta/merge.ts's: front matter, then the manifest, then a vendor JSON's own
 * fields, then the file name; every disagreement comes back as a warning for errors.csv, never
 * resolved silently.
 *
 * The config is plain data so it can cross into worker threads; each thread builds its own
 * enricher from it (loading a manifest is milliseconds next to scoring a month of calls).
 */
import type { Call } from '../model/call.js';
import { compileNamePattern, loadManifest, mergeMeta, type DirectionCodes, type Manifest } from '../meta/index.js';
import type { ProblemRow } from './score-file.js';

export interface MetadataConfig {
  /** Call-log CSV, matched by call_id or file name. */
  manifest?: string;
  /** File-name pattern such as "{agent_id}_{date}_{call_id}". */
  namePattern?: string;
  /** What the manifest's and the names' direction codes mean (--direction-codes). */
  directionCodes?: DirectionCodes;
}

/**
 * Manifest rows no transcript was matched to: calls in the log that were not audited (a missing
 * recording, a mistyped file name). Said in one warning — an audit of a sample matches few rows.
 */
export interface ManifestCoverage {
  note(callId: string, fileName: string): void;
  unmatched(): ProblemRow | undefined;
}

const LISTED_ROWS = 5;

function manifestCoverage(manifest: Manifest, file: string): ManifestCoverage {
  const seen = new Set<number>();
  return {
    note(callId, fileName) {
      const line = manifest.lineOf(callId, fileName);
      if (line !== undefined) seen.add(line);
    },
    unmatched() {
      const rows = manifest.rows.filter((r) => !seen.has(r.line));
      if (rows.length === 0) return undefined;
      const listed = rows.slice(0, LISTED_ROWS).map((r) => `line ${r.line} (${r.name})`).join(', ');
      const more = rows.length > LISTED_ROWS ? `, and ${rows.length - LISTED_ROWS} more` : '';
      return { file, severity: 'warning', stage: 'manifest', message: `${rows.length} of ${manifest.size} rows matched no transcript among the inputs: ${listed}${more}` };
    },
  };
}

export type MetadataSetup =
  | { ok: true; enrich?: (call: Call) => string[]; problems: ProblemRow[]; coverage?: ManifestCoverage }
  /** A manifest or pattern that cannot be used at all: a usage error, nothing is scored. */
  | { ok: false; message: string };

export function setupMetadata(config: MetadataConfig | undefined): MetadataSetup {
  if (!config?.manifest && !config?.namePattern) return { ok: true, problems: [] };
  let pattern: ReturnType<typeof compileNamePattern> | undefined;
  if (config.namePattern !== undefined) {
    pattern = compileNamePattern(config.namePattern, config.directionCodes);
    if (!pattern.ok) return { ok: false, message: `--name-pattern: ${pattern.message}` };
  }
  let manifest: Manifest | undefined;
  const problems: ProblemRow[] = [];
  if (config.manifest !== undefined) {
    const file = config.manifest;
    const loaded = loadManifest(file, config.directionCodes);
    if (!loaded.ok) {
      // file:line first, as for rulesets; a message that already names the file needs no prefix.
      const where = loaded.line !== undefined ? `${file}:${loaded.line}: ` : loaded.message.includes(file) ? '' : `${file}: `;
      return { ok: false, message: where + loaded.message };
    }
    manifest = loaded.manifest;
    for (const p of loaded.problems) problems.push({ file, severity: 'warning', stage: 'manifest', message: `line ${p.line}: ${p.message}` });
  }
  const named = pattern?.ok ? pattern : undefined;

  const enrich = (call: Call): string[] => {
    const warnings: string[] = [];
    const fromName = named?.match(call.file);
    if (named && !fromName) {
      const misfit = named.misfit(call.file);
      warnings.push(`file name does not ${misfit ? `fit --name-pattern "${config.namePattern}": ${misfit}` : `match --name-pattern "${config.namePattern}"`}`);
    }
    const id = String(call.meta.call_id ?? fromName?.call_id ?? call.id);
    const fromManifest = manifest?.lookup(id, call.file);
    if (manifest && !fromManifest) warnings.push(`no manifest row for call_id ${id} or this file name`);
    // Front matter is written with the call, the most specific; a vendor JSON's fields are the
    // recogniser's or an export's, and the call log is the record of the call: it comes first.
    const fromReader = { name: call.source.format === 'plain' ? 'front matter' : `${call.source.format} JSON`, meta: call.meta };
    const inFile = call.source.format === 'plain' ? [fromReader, { name: 'manifest', meta: fromManifest }] : [{ name: 'manifest', meta: fromManifest }, fromReader];
    const { meta, conflicts, readable } = mergeMeta([...inFile, { name: 'file name', meta: fromName }]);
    // A call id from the log or the name replaces the reader's (the file name's, or the JSON's).
    if (meta.call_id !== undefined && String(meta.call_id).trim() !== '') call.id = String(meta.call_id).trim();
    call.meta = meta;
    return [
      ...warnings,
      ...conflicts.map((c) => `metadata conflict, the first source is kept: ${c}`),
      ...readable.map((c) => `metadata conflict, the value that can be read is used: ${c}`),
    ];
  };
  return { ok: true, enrich, problems, ...(manifest && config.manifest !== undefined ? { coverage: manifestCoverage(manifest, config.manifest) } : {}) };
}

/**
 * The `enrich` part of ScoreOptions, built in each thread from the plain config. The main thread
 * has already refused an unusable manifest; if it broke since (edited mid-run), every call says so.
 */
export function enrichOption(config: MetadataConfig | undefined): { enrich?: (call: Call) => string[] } {
  const setup = setupMetadata(config);
  if (!setup.ok) return { enrich: () => [setup.message] };
  return setup.enrich ? { enrich: setup.enrich } : {};
}
