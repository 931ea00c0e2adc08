/** One physical line of the configuration, with what the parser needs to split it further. */
export interface ConfigLine {
  /** 1-based. */
  number: number;
  /**
   * As written, without the line ending, trailing blanks or pager residue a captured session
   * left in it: what the firewall's own `show running-config` line is.
   */
  text: string;
  /** Whitespace-separated words; empty for blank lines. */
  tokens: string[];
  indented: boolean;
}

/** A top-level command with the indented lines that belong to it (interface, object, ...). */
export interface ConfigCommand {
  head: ConfigLine;
  children: ConfigLine[];
}

// The ASA pager leaves "<--- More --->" and backspaces in captured sessions.
const PAGER_RESIDUE = /<--- More --->[\s\b]*/g;

export function readLines(text: string): ConfigLine[] {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rawLines = withoutBom.split(/\r?\n|\r/);
  // A trailing newline is not an extra line in any editor.
  if (rawLines.length > 1 && rawLines[rawLines.length - 1] === '') rawLines.pop();
  return rawLines.map((raw, index) => {
    const cleaned = raw.replace(PAGER_RESIDUE, '').replace(/\s+$/, '');
    const trimmed = cleaned.trim();
    return {
      number: index + 1,
      text: cleaned,
      tokens: trimmed === '' ? [] : trimmed.split(/\s+/),
      indented: /^\s/.test(cleaned) && trimmed !== '',
    };
  });
}

/**
 * Groups lines into commands. Blank lines are returned apart so they can be counted; an
 * indented line with no command above it becomes a command of its own (and is reported).
 */
export function groupCommands(lines: readonly ConfigLine[]): { commands: ConfigCommand[]; blank: ConfigLine[] } {
  const commands: ConfigCommand[] = [];
  const blank: ConfigLine[] = [];
  let current: ConfigCommand | undefined;
  for (const line of lines) {
    if (line.tokens.length === 0) {
      blank.push(line);
      continue;
    }
    if (line.indented && current) {
      current.children.push(line);
      continue;
    }
    current = { head: line, children: [] };
    commands.push(current);
  }
  return { commands, blank };
}

/** The text after the first `count` words, spacing preserved (remarks, descriptions). */
export function restAfterWords(line: ConfigLine, count: number): string {
  const pattern = new RegExp(`^\\s*(?:\\S+\\s+){${count}}`);
  const match = pattern.exec(line.text);
  return match ? line.text.slice(match[0].length) : '';
}
