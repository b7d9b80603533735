/**
 * @fileoverview Transcript text printed to a terminal: a control character in it (an escape
 * sequence that retitles the window, clears the screen or moves the cursor, a carriage return
 * that overwrites the line) would act instead of showing. Each is shown as its Unicode control
 * picture (ESC → ␛); tabs, line breaks and our own colour codes stay.
 */

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** Select Graphic Rendition: colours and bold, what chalk writes. */
const SGR = /^\u001b\[[0-9;]*m/;

export function terminalSafe(text: string, keepColors: boolean): string {
  return text.replace(CONTROL, (ch: string, offset: number) => {
    if (keepColors && ch === '\u001b' && SGR.test(text.slice(offset, offset + 16))) return ch;
    const code = ch.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : '\ufffd';
  });
}
