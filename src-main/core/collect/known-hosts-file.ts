import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseKnownHosts, type KnownHostEntry, type KnownHostsProblem } from './known-hosts';

export interface KnownHostsFile {
  path: string;
  entries: KnownHostEntry[];
  problems: KnownHostsProblem[];
}

/** Reads a known_hosts file; a file that does not exist yet knows no hosts. */
export function readKnownHostsFile(path: string): KnownHostsFile {
  if (!existsSync(path)) return { path, entries: [], problems: [] };
  return { path, ...parseKnownHosts(readFileSync(path, 'utf8')) };
}

/**
 * Appends one line, creating the file (0600) and its directory (0700) as ssh does, and
 * starting on a new line when the file does not end with one.
 */
export function appendKnownHostsLine(path: string, line: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const existed = existsSync(path);
  const text = existed ? readFileSync(path, 'utf8') : '';
  const separator = text === '' || text.endsWith('\n') ? '' : '\n';
  appendFileSync(path, `${separator}${line}\n`, { mode: 0o600 });
  if (!existed) chmodSync(path, 0o600);
}
