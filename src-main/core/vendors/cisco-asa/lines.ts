/**
 * One physical line of the configuration, with what the parser needs to split it further.
 * Words are split when first asked for: most lines are read once, and words kept for every
 * line of a large configuration until the parse ends cost more to keep than to split again.
 */
export class ConfigLine {
  private words: string[] | undefined;

  constructor(
    /** 1-based. */
    readonly number: number,
    /**
     * As written, without the line ending, trailing blanks or pager residue a captured session
     * left in it: what the firewall's own `show running-config` line is.
     */
    readonly text: string,
  ) {}

  /** Whitespace-separated words; empty for blank lines. */
  get tokens(): string[] {
    if (this.words === undefined) {
      const trimmed = this.text.trimStart();
      this.words = trimmed === '' ? [] : splitWords(trimmed);
    }
    return this.words;
  }

  /** The first word, without splitting the rest (the same as `tokens[0] ?? ''`). */
  get firstWord(): string {
    if (this.words !== undefined) return this.words[0] ?? '';
    const text = this.text;
    let start = 0;
    while (start < text.length && isAsciiBlank(text.charCodeAt(start))) start++;
    let end = start;
    for (; end < text.length; end++) {
      const code = text.charCodeAt(end);
      if (isAsciiBlank(code)) break;
      // Control characters and Unicode blanks: leave those lines to the full split.
      if (code < 32 || code >= 127) return this.tokens[0] ?? '';
    }
    return text.slice(start, end);
  }

  get blank(): boolean {
    return this.text.length === 0;
  }

  get indented(): boolean {
    const first = this.text.charCodeAt(0);
    if (first > 32 && first < 127) return false;
    return !this.blank && this.text.trimStart().length !== this.text.length;
  }

  /** Lets the words go once the line has been read; asking again splits it again. */
  forgetTokens(): void {
    this.words = undefined;
  }
}

function isAsciiBlank(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/** A top-level command with the indented lines that belong to it (interface, object, ...). */
export interface ConfigCommand {
  head: ConfigLine;
  children: ConfigLine[];
}

// The ASA pager leaves "<--- More --->" in captured sessions, and on a key press erases it with
// 14 spaces between carriage returns (or backspaces). A capture that drops lone carriage
// returns joins marker, spaces and the next line into one: only those 14 spaces go, so a
// block's indented line keeps its own indent and stays in its block.
// (`[\b]` is a backspace: \b means one only inside brackets.)
const PAGER_RESIDUE = /<--- More --->[\b]*(?: {1,14})?[\b]*/g;

function configLine(raw: string, number: number): ConfigLine {
  // trimEnd() strips exactly what /\s+$/ does.
  return new ConfigLine(number, (raw.includes('<--- More --->') ? raw.replace(PAGER_RESIDUE, '') : raw).trimEnd());
}

/**
 * Visits the lines in order and returns how many there are. Lines are cut from the text one
 * at a time rather than split into an array first, so only the lines a reader keeps stay in
 * memory. LF and CRLF endings read the same; a text with bare CR endings is split as a whole.
 * A trailing newline is not an extra line, as in any editor.
 */
export function forEachLine(text: string, visit: (line: ConfigLine) => void): number {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (withoutBom.includes('\r') && /\r(?!\n)/.test(withoutBom)) {
    const rawLines = withoutBom.split(/\r?\n|\r/);
    if (rawLines.length > 1 && rawLines[rawLines.length - 1] === '') rawLines.pop();
    rawLines.forEach((raw, index) => visit(configLine(raw, index + 1)));
    return rawLines.length;
  }
  let count = 0;
  let start = 0;
  for (;;) {
    const end = withoutBom.indexOf('\n', start);
    if (end < 0) {
      if (start < withoutBom.length || count === 0) visit(configLine(withoutBom.slice(start), ++count));
      return count;
    }
    const cut = end > start && withoutBom.charCodeAt(end - 1) === 13 ? end - 1 : end;
    visit(configLine(withoutBom.slice(start, cut), ++count));
    start = end + 1;
  }
}

export interface LineCounts {
  lines: number;
  blank: number;
}

/**
 * Groups lines into commands and hands each over once its last indented line is read, so a
 * command no reader keeps can go as soon as it is read. Blank lines are counted, not grouped;
 * an indented line with no command above it becomes a command of its own.
 */
export function forEachCommand(text: string, visit: (command: ConfigCommand) => void): LineCounts {
  let blank = 0;
  let current: ConfigCommand | undefined;
  const lines = forEachLine(text, (line) => {
    if (line.blank) {
      blank++;
    } else if (line.indented && current) {
      current.children.push(line);
    } else {
      if (current) visit(current);
      current = { head: line, children: [] };
    }
  });
  if (current) visit(current);
  return { lines, blank };
}

/** `text.split(/\s+/)` for a trimmed, non-empty text, without a regex for plain ASCII. */
function splitWords(text: string): string[] {
  const words: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 32) {
      if (code >= 127) return text.split(/\s+/);
      continue;
    }
    if (code === 32 || (code >= 9 && code <= 13)) {
      if (i > start) words.push(text.slice(start, i));
      start = i + 1;
    } else {
      return text.split(/\s+/);
    }
  }
  words.push(text.slice(start));
  return words;
}

const WORD_PREFIXES: RegExp[] = [];

/** The text after the first `count` words, spacing preserved (remarks, descriptions). */
export function restAfterWords(line: ConfigLine, count: number): string {
  let pattern = WORD_PREFIXES[count];
  if (pattern === undefined) {
    pattern = new RegExp(`^\\s*(?:\\S+\\s+){${count}}`);
    WORD_PREFIXES[count] = pattern;
  }
  const match = pattern.exec(line.text);
  return match ? line.text.slice(match[0].length) : '';
}
