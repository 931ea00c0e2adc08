import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { RECENT_FORMAT, recentFileSchema, type RecentEntry } from './recent-audits-schema';

export const MAX_RECENT = 12;

/**
 * The recent-audits list: a small JSON file in the user's configuration directory. It is a
 * convenience, so a damaged one reads as empty and is replaced on the next save rather than
 * stopping anyone from working.
 */
export class RecentAudits {
  constructor(readonly file: string) {}

  async list(): Promise<RecentEntry[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return [];
    }
    try {
      const parsed = recentFileSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data.entries : [];
    } catch {
      return [];
    }
  }

  /** Puts an audit at the top, once. */
  async remember(entry: RecentEntry): Promise<void> {
    const entries = [entry, ...(await this.list()).filter((item) => item.path !== entry.path)].slice(0, MAX_RECENT);
    await this.write(entries);
  }

  async forget(path: string): Promise<void> {
    await this.write((await this.list()).filter((item) => item.path !== path));
  }

  private async write(entries: RecentEntry[]): Promise<void> {
    const directory = dirname(this.file);
    if (!existsSync(directory)) await mkdir(directory, { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.file, `${JSON.stringify({ format: RECENT_FORMAT, entries }, null, 2)}\n`);
  }
}
