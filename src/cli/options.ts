/** Parsers for numeric flags, shared by the commands: a bad value is a usage error (exit 2). */
import { InvalidArgumentError } from 'commander';
import { parseDirectionCodes, type DirectionCodes } from '../meta/index.js';
import type { ReadOptions } from '../readers/index.js';
import type { MetadataConfig } from '../audit/metadata.js';

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

export function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
}

export function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number > 0');
  return n;
}

export function ratio(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a number from 0 to 1 (0.9 = 90%)');
  return n;
}

/** A file or folder flag: an empty one ('' from a script's unset variable) is a usage error. */
export function pathArg(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('expected a path, got an empty one');
  return value;
}

export const DIRECTION_CODES_HELP = 'what the call metadata\'s direction codes mean, e.g. "1=inbound,2=outbound" (each telephony system has its own; unread codes make the rules needing the direction na)';

/** `--direction-codes 1=inbound,2=outbound`. */
export function directionCodesArg(value: string): DirectionCodes {
  const parsed = parseDirectionCodes(value);
  if (!parsed.ok) throw new InvalidArgumentError(parsed.message);
  return parsed.codes;
}

interface ReadFlags {
  agentChannel?: string;
  directionCodes?: DirectionCodes;
}

/** The reading options the flags ask for (--agent-channel, --direction-codes). */
export function readOptionsOf(flags: ReadFlags): ReadOptions {
  return { ...(flags.agentChannel ? { agentChannel: flags.agentChannel } : {}), ...(flags.directionCodes ? { directionCodes: flags.directionCodes } : {}) };
}

/** The metadata sources the flags name (--manifest, --name-pattern) and how to read their codes. */
export function metadataOf(flags: ReadFlags & { manifest?: string; namePattern?: string }): MetadataConfig {
  return {
    ...(flags.manifest ? { manifest: flags.manifest } : {}),
    ...(flags.namePattern !== undefined ? { namePattern: flags.namePattern } : {}),
    ...(flags.directionCodes ? { directionCodes: flags.directionCodes } : {}),
  };
}
