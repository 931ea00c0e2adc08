import type { CliCommand } from './command';

/** A subcommand as `wfos-audit --help` lists it, its code loaded only when it runs. */
export interface ListedCommand {
  name: string;
  /** One line for the command list in `wfos-audit --help`. */
  summary: string;
  load: () => Promise<CliCommand>;
}

/**
 * Every subcommand, in the order `--help` lists them. Each is imported when run: an audit does
 * not wait for the SSH, PDF and signing libraries to load unless it pulls or writes a report,
 * and `--help` or `matrix` load almost nothing.
 */
export const COMMANDS: readonly ListedCommand[] = [
  { name: 'matrix', summary: 'print the embedded WFOS 5.2.3 port matrix (or --matrix FILE)', load: async () => (await import('./commands/matrix')).matrixCommand },
  { name: 'parse', summary: 'parse one firewall configuration; print its rules, objects and diagnostics', load: async () => (await import('./commands/parse')).parseCommand },
  { name: 'audit', summary: "audit a site's firewalls against the matrix (--site SITE.yaml)", load: async () => (await import('./commands/audit')).auditCommand },
  {
    name: 'pull',
    summary: 'pull a live configuration over SSH, read-only, with evidence (--host H --user U --out FILE)',
    load: async () => (await import('./commands/pull')).pullCommand,
  },
  { name: 'verify', summary: "check a signed report's signature and evidence hashes (REPORT.pdf)", load: async () => (await import('./commands/verify')).verifyCommand },
  { name: 'cert', summary: 'create a self-signed certificate for signing reports (--name NAME --out FILE.p12)', load: async () => (await import('./commands/cert')).certCommand },
];
