const MASK = '********';

/**
 * Removes every credential of a session from text before it is kept, shown or thrown:
 * transcripts, extracted configurations, error messages, progress. A device may echo what
 * it is sent, so even a password typed without echo is looked for.
 */
export class Redactor {
  private secrets: string[] = [];

  constructor(secrets: Iterable<string | undefined> = []) {
    for (const secret of secrets) this.add(secret);
  }

  add(secret: string | undefined): void {
    if (!secret || this.secrets.includes(secret)) return;
    this.secrets.push(secret);
    // Longest first, so a secret that contains another is masked whole.
    this.secrets.sort((a, b) => b.length - a.length);
  }

  /** How many times a credential occurs in the text. */
  count(text: string): number {
    let total = 0;
    let rest = text;
    for (const secret of this.secrets) {
      const parts = rest.split(secret);
      total += parts.length - 1;
      rest = parts.join(MASK);
    }
    return total;
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this.secrets) result = result.split(secret).join(MASK);
    return result;
  }
}
