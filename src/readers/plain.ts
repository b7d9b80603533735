/** The bundled plain-text transcript format (issue 3). Work in progress. */
import type { FormatReader, ParsedTranscript } from './types.js';
import { ParseFailure } from './types.js';

export const plainReader: FormatReader = {
  name: 'plain',
  sniff: () => true,
  parse(): ParsedTranscript {
    throw new ParseFailure('no speaker labels found');
  },
};
