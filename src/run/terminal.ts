// Text from a submitted file on its way to a terminal. A team name or a decision value can hold characters a
// terminal acts on instead of showing: ESC and the other C0 and C1 controls start escape sequences (clear the
// screen, retitle the window, rewrite earlier lines; U+009B is a one-character CSI), carriage return and
// backspace overwrite what was printed, and the bidirectional overrides and isolates reorder it. Each is shown
// as "?" (or, in JSON, escaped), so what the teacher reads is what the file holds.

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text for a terminal: line breaks and tabs kept, every other control or reordering character shown as "?". */
export function terminalText(s: string): string {
  return s.replace(UNSAFE, '?');
}

/** One line for a terminal: like terminalText, and line breaks and tabs become spaces. */
export function terminalLine(s: string): string {
  return terminalText(s).replace(/[\n\t]/g, ' ');
}

/** JSON text for a terminal: the characters JSON.stringify leaves raw (C1 controls, bidi marks) escaped as \uXXXX. */
export function terminalJson(json: string): string {
  return json.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
