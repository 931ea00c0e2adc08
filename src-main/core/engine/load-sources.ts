import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Firewall } from '../model/index';
import type { SiteFirewall } from '../site/index';
import { parserFor } from '../vendors/registry';

/** A firewall source read from disk, with the hash that ties the report to the evidence. */
export interface LoadedSource {
  entry: SiteFirewall;
  firewall: Firewall;
  sha256: string;
}

/** A source that cannot be audited, said with the firewall, file and reason. */
export class SourceError extends Error {
  override name = 'SourceError';
}

const MAX_CONFIG_BYTES = 64 * 1024 * 1024;

/** Reads and parses one saved configuration named by the site file. */
export function loadSource(entry: SiteFirewall): LoadedSource {
  if (!entry.file) {
    throw new SourceError(`firewall ${entry.name} is pulled over SSH (ssh: in the site file): pull it first with wfos-audit pull, then name the saved file with file:`);
  }
  const size = statSync(entry.file).size;
  if (size > MAX_CONFIG_BYTES) throw new SourceError(`${entry.file}: ${size} bytes is larger than the ${MAX_CONFIG_BYTES / 1024 / 1024} MiB a configuration can be`);
  const bytes = readFileSync(entry.file);
  const text = bytes.toString('utf8');
  const name = basename(entry.file);
  const firewall = parserFor(text, entry.file, entry.vendor).parse(text, name);
  return { entry, firewall, sha256: createHash('sha256').update(bytes).digest('hex') };
}
