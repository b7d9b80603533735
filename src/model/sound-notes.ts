/**
 * A whole utterance that is only bracketed sound notes — 「[噪音]」「(杂音)」「（笑声）」「<noise>」「[等待音]」,
 * as recognisers and subtitlers write down what is not speech — has no words: the engine folds it
 * to nothing, like 「……」, and the time checks let it overlap speech (hold music written down for
 * the whole hold, the agent's check-back inside it). A number in brackets (「(0571)」) is speech.
 */
const SOUND_NOTES = /^(?:\s*[[(（【<〈]\s*[^[\]()（）【】<>〈〉\d]{1,16}?\s*[\])）】>〉])+\s*$/u;

/** The brackets a sound note is written in, each opening one with its closing one. */
export const SOUND_NOTE_BRACKETS: readonly string[] = ['[]', '()', '（）', '【】', '<>', '〈〉'];

const OPENING_BRACKETS = SOUND_NOTE_BRACKETS.map((pair) => pair[0]).join('');

/** SOUND_NOTES, asked only of text whose first non-space character opens a bracket (most utterances: no regex run). */
export function onlySoundNotes(text: string): boolean {
  // trimStart drops what \s matches (white space and line ends), as the regex's leading \s* does.
  const first = text.trimStart().charAt(0);
  return first !== '' && OPENING_BRACKETS.includes(first) && SOUND_NOTES.test(text);
}

