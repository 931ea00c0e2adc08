/**
 * What a terminal would show for a stream a device wrote to its PTY: escape sequences
 * interpreted or dropped, carriage returns and backspaces moving the cursor so that what
 * they erase (a pager prompt, a redrawn line) disappears, CRLF and trailing blanks gone.
 */

// CSI (ESC [ params intermediates final), OSC (ESC ] ... BEL or ST), and two-character escapes.
// eslint-disable-next-line no-control-regex
const ESCAPE = /\x1b\[([0-?]*)([ -/]*)([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()*+][\x20-\x7e]|\x1b[\x20-\x7e]/y;

/** The lines a terminal shows for the text, without trailing blanks. */
export function renderTerminal(text: string): string[] {
  return text.split('\n').map(renderLine);
}

// Anything that moves the cursor or is not shown; a plain line (the bulk of a configuration) skips the slow path.
// eslint-disable-next-line no-control-regex
const SPECIAL = /[\x00-\x08\x0b-\x1f\x7f]/;

/** One line as shown: CR and backspace move the cursor, what follows overwrites. */
function renderLine(raw: string): string {
  const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (!SPECIAL.test(text)) return text.trimEnd();
  let line: string[] = [];
  let cursor = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '\r') cursor = 0;
    else if (char === '\b') cursor = Math.max(0, cursor - 1);
    else if (char === '\x1b') {
      ESCAPE.lastIndex = index;
      const match = ESCAPE.exec(text);
      if (!match) continue; // a lone ESC: dropped
      index = ESCAPE.lastIndex - 1;
      if (match[3] !== undefined) ({ line, cursor } = applyCsi(line, cursor, match[1] ?? '', match[3]));
    } else if (char >= ' ' || char === '\t') {
      while (line.length < cursor) line.push(' ');
      line[cursor] = char;
      cursor += 1;
    }
  }
  return line.join('').trimEnd();
}

/** Cursor movement and erasure; anything else (colours, modes) changes nothing shown. */
function applyCsi(line: string[], cursor: number, params: string, final: string): { line: string[]; cursor: number } {
  const count = Math.max(1, Number.parseInt(params || '1', 10) || 1);
  switch (final) {
    case 'D':
      return { line, cursor: Math.max(0, cursor - count) };
    case 'C':
      return { line, cursor: cursor + count };
    case 'G':
      return { line, cursor: count - 1 };
    case 'K':
      if (params === '' || params === '0') return { line: line.slice(0, cursor), cursor };
      if (params === '2') return { line: [], cursor };
      return { line: line.map((char, at) => (at <= cursor ? ' ' : char)), cursor };
    default:
      return { line, cursor };
  }
}

/** The line the device is writing now (after the last newline), as shown. */
export function currentLine(text: string): string {
  return renderTerminal(text.slice(text.lastIndexOf('\n') + 1))[0] ?? '';
}
