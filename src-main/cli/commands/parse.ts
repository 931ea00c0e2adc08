import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { firewallToJson, type Firewall, type MatchBox, type Placement, type Rule } from '../../core/model/index';
import { knownVendorIds, parserFor, VendorDetectionError, type VendorParser } from '../../core/vendors/registry';
import { defineCommand } from '../args';
import { UsageError } from '../command';
import { formatTable } from '../table';

const usage = `Usage: wfos-audit parse FILE [--vendor V] [--json]

Parses one firewall configuration and prints what the audit will work from: interfaces,
routes, rule lists with where they apply, every rule with its line and what it matches,
object counts, and diagnostics (lines not understood, undefined names) with line numbers.

Options:
  --vendor V   read the file as this vendor instead of detecting it (${knownVendorIds().join(', ')})
  --json       print the parsed firewall as JSON: address, port and protocol sets as text,
               every rule and object with its source reference { file, line, text }
  -h, --help   show this help
`;

export const parseCommand = defineCommand({
  name: 'parse',
  summary: 'parse one firewall configuration; print its rules, objects and diagnostics',
  usage,
  options: { vendor: { type: 'string' }, json: { type: 'boolean' } },
  positionals: true,
  async run({ values, positionals }, io) {
    const [file, extra] = positionals;
    if (file === undefined) throw new UsageError('wfos-audit parse: give the configuration file to parse (see --help)');
    if (extra !== undefined) throw new UsageError(`wfos-audit parse: one file at a time ("${extra}" is one too many)`);
    const text = await readConfigFile(resolve(io.cwd, file), file);
    const parser = chooseParser(text, file, values.vendor);
    const firewall = parser.parse(text, file);
    io.out(values.json ? JSON.stringify(firewallToJson(firewall), null, 2) + '\n' : formatFirewall(firewall, parser));
    return 0;
  },
});

async function readConfigFile(path: string, shownAs: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new UsageError(`cannot read ${shownAs}: ${why}`);
  }
}

function chooseParser(text: string, file: string, vendor: string | undefined): VendorParser {
  try {
    return parserFor(text, file, vendor);
  } catch (error) {
    if (error instanceof VendorDetectionError) throw new UsageError(error.message.replace(/give the vendor explicitly/, 'give it with --vendor'));
    throw error;
  }
}

function formatFirewall(firewall: Firewall, parser: VendorParser): string {
  const { stats } = firewall;
  const sections = [
    `${firewall.file}: ${parser.name}${firewall.hostname ? `, hostname ${firewall.hostname}` : ''}${firewall.version ? `, version ${firewall.version}` : ''}\n` +
      `${stats.lines} lines: ${stats.understood} understood, ${stats.ignored} ignored on purpose, ${stats.notUnderstood} not understood, ${stats.blank} blank\n`,
    section(
      'Interfaces',
      formatTable(
        ['Name', 'Hardware', 'Level', 'Subnets', 'State'],
        firewall.interfaces.map((iface) => [
          iface.name ?? '-',
          iface.hardware,
          iface.securityLevel === undefined ? '-' : String(iface.securityLevel),
          iface.dynamicAddress ? 'dynamic' : iface.addresses.join(', ') || '-',
          iface.shutdown ? 'shutdown' : 'up',
        ]),
      ),
    ),
    section(
      'Routes',
      firewall.routes.length === 0
        ? '(none)\n'
        : formatTable(['Interface', 'Destination', 'Gateway', 'Line'], firewall.routes.map((route) => [route.interface, route.destination, route.gateway, lineOf(route.ref)])),
    ),
    ...firewall.ruleLists.map((list) =>
      section(
        `Rule list ${list.name} (${list.appliedAt.length ? list.appliedAt.map(describePlacement).join('; ') : 'not applied to traffic'})`,
        list.rules.length === 0
          ? '(no rules)\n'
          : formatTable(['Rule', 'Line', 'Action', 'Match'], list.rules.map((rule) => [rule.id, lineOf(rule.ref), rule.action, describeRule(rule)])),
      ),
    ),
    section(
      'Objects',
      `${firewall.objects.networks.length} network objects and groups, ${firewall.objects.services.length} service objects and groups, ` +
        `${firewall.nat.length} NAT statements (recorded, not applied), ${firewall.timeRanges.length} time ranges\n`,
    ),
    section(
      'Diagnostics',
      firewall.diagnostics.length === 0
        ? '(none)\n'
        : firewall.diagnostics.map((diagnostic) => `line ${diagnostic.line}: ${diagnostic.severity}: ${diagnostic.message}`).join('\n') + '\n',
    ),
  ];
  return sections.join('\n');
}

function section(title: string, body: string): string {
  return `${title}\n${body}`;
}

function lineOf(ref: { line?: number; row?: number }): string {
  return String(ref.line ?? ref.row ?? '');
}

function describePlacement(placement: Placement): string {
  switch (placement.kind) {
    case 'interface-in':
      return `in on ${placement.interface ?? '?'}`;
    case 'interface-out':
      return `out on ${placement.interface ?? '?'}`;
    case 'global':
      return 'global';
    case 'zone-pair':
      return `from ${placement.fromZone ?? 'any'} to ${placement.toZone ?? 'any'}`;
    case 'host':
      return 'host';
  }
}

function describeRule(rule: Rule): string {
  const boxes = rule.match.length > 0 ? rule.match : (rule.mayMatch ?? []);
  const match = boxes.length === 0 ? 'nothing' : boxes.map(describeBox).join(' | ');
  const flags = [
    rule.enabled ? '' : 'inactive',
    rule.timeRange ? `time-range ${rule.timeRange}` : '',
    rule.logging ? 'log' : '',
    rule.match.length === 0 && rule.mayMatch ? 'may match' : '',
    ...rule.unresolved.map((item) => `unresolved: ${item.reason}`),
  ].filter(Boolean);
  return flags.length > 0 ? `${match}  [${flags.join('; ')}]` : match;
}

function describeBox(box: MatchBox): string {
  const ports = (set: MatchBox['sourcePorts']) => (set.isAll() ? '' : ` port ${set.toString()}`);
  const icmp = box.icmp ? ` type ${box.icmp.type}${box.icmp.code === undefined ? '' : `/${box.icmp.code}`}` : '';
  return `${box.protocols.toString()}${icmp} ${box.sources.toString()}${ports(box.sourcePorts)} -> ${box.destinations.toString()}${ports(box.destinationPorts)}`;
}
