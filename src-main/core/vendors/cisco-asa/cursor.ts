/** Reads a command's words left to right; every ASA grammar decision looks one or two words ahead. */
export class TokenCursor {
  private index: number;

  constructor(
    private readonly tokens: readonly string[],
    start = 0,
  ) {
    this.index = start;
  }

  peek(offset = 0): string | undefined {
    return this.tokens[this.index + offset];
  }

  /** The next word lower-cased, for keyword comparisons. */
  peekKeyword(offset = 0): string | undefined {
    return this.peek(offset)?.toLowerCase();
  }

  next(): string | undefined {
    const token = this.tokens[this.index];
    if (token !== undefined) this.index++;
    return token;
  }

  /** Consumes the next word when it is `keyword` (case-insensitive). */
  accept(keyword: string): boolean {
    if (this.peekKeyword() !== keyword) return false;
    this.index++;
    return true;
  }

  done(): boolean {
    return this.index >= this.tokens.length;
  }

  rest(): string[] {
    return this.tokens.slice(this.index);
  }
}
