/** Call metadata from outside the transcript: file-name patterns, manifests, and their merge. */
export { compileNamePattern, baseName, type NamePattern } from './name-pattern.js';
export { loadManifest, type Manifest, type ManifestProblem, type ManifestResult } from './manifest.js';
export { mergeMeta, type MetaSource } from './merge.js';
export { coerceField, normalizeDate, parseDirectionCodes, type DirectionCodes } from './fields.js';
