import { loadSource, type LoadedSource } from '../../core/engine/index';
import type { Site } from '../../core/site/index';
import { type CliIo, UsageError } from '../command';

/**
 * Reads every firewall the site names, progress on stderr. A file that cannot be read or
 * recognised is said at the site file's line for that firewall, as the site file's own errors
 * are (`site.yaml:12: firewalls[1].file: fw.txt: cannot tell which firewall…`), so the engineer
 * knows which entry to fix, not only which config failed.
 */
export function loadSiteSources(site: Site, io: CliIo): LoadedSource[] {
  return site.firewalls.map((entry, index) => {
    io.err(`reading ${entry.name}${entry.fileAsWritten ? ` (${entry.fileAsWritten})` : ''}…\n`);
    try {
      return loadSource(entry);
    } catch (error) {
      const key = `firewalls[${index}].${entry.ssh ? 'ssh' : 'file'}`;
      throw new UsageError(`${site.file}:${entry.line}: ${key}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  });
}
