/**
 * File names that are not UTF-8 (a Windows export unzipped on Linux keeps its GBK bytes). Node
 * gives such a name as a string with U+FFFD in it, which names no file: without this check the
 * walk would list it as "file not found". Only names with U+FFFD are looked at again.
 */
import { isUtf8 } from 'node:buffer';
import { lstatSync, readdirSync } from 'node:fs';

/** A path whose name Node could not decode: it has U+FFFD and names nothing. */
export function isUndecodedName(path: string): boolean {
  if (!path.includes('\uFFFD')) return false;
  try {
    lstatSync(path);
    return false;
  } catch {
    return true;
  }
}

/** What errors.csv says of such a name, with what it reads as in GBK when it does. */
export function undecodedNameMessage(dir: string, name: string, folder = false): string {
  const gbk = gbkReading(dir, name);
  const guess = gbk ? ` (GBK? it would read ${gbk})` : '';
  const convmv = gbk ? 'convmv -f gbk -t utf8 --notest' : 'convmv';
  const what = folder ? 'folder name' : 'file name';
  return `${what} is not valid UTF-8${guess}: ${folder ? 'its files are not scored; ' : ''}rename it, e.g. with ${convmv}${folder ? ' -r' : ''}`;
}

/**
 * The folder read again as bytes: the name's own bytes, as GB18030 reads them. Not the
 * transcripts' decoder (src/readers/decode.ts): it loads opencc's tables, ~15 MB, into the walk.
 */
function gbkReading(dir: string, name: string): string | undefined {
  let names: Buffer[];
  try {
    names = readdirSync(dir, { encoding: 'buffer' });
  } catch {
    return undefined;
  }
  const bytes = names.find((b) => !isUtf8(b) && b.toString('utf8') === name);
  if (!bytes) return undefined;
  try {
    return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
