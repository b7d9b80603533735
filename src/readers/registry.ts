/**
 * The readers, in the order their sniff() is tried. The first match wins, so specific formats
 * (vendor JSON, subtitles) come first and the plain reader, which accepts any text, comes last.
 */
import type { FormatReader } from './types.js';
import { plainReader } from './plain.js';

export const READERS: readonly FormatReader[] = [
  // vendor readers go here (alibaba, tencent, iflytek, aws, azure, whisper, srt, vtt)
  plainReader,
];
