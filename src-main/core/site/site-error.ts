/** A site file problem, said as `file:line: key: what is wrong` (line 0: the file as a whole). */
export class SiteError extends Error {
  override name = 'SiteError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly key: string,
    readonly problem: string,
  ) {
    super(`${file}${line > 0 ? `:${line}` : ''}: ${key ? `${key}: ` : ''}${problem}`);
  }
}

/** "firewalls[0].zones.servers" from a path of keys and indexes. */
export function keyOfPath(path: readonly (string | number)[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index ? '.' : ''}${part}`)).join('');
}
