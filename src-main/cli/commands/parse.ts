import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseSource, type ParsedSource } from '../../core/engine/load-sources';
import { describePlacement, firewallToJson, type Diagnostic, type Firewall, type MatchBox, type Rule, type SourceRef } from '../../core/model/index';
import { parseColumnTemplate, SpreadsheetError, templateOf, type ColumnMapping, type ExplicitColumns } from '../../core/spreadsheet/index';
import { knownVendorIds, VendorDetectionError } from '../../core/vendors/registry';
import { defineCommand } from '../args';
import { UsageError } from '../command';
import { formatTable } from '../table';

const usage = `Usage: wfos-audit parse FILE [--vendor V] [--json] [--columns MAP.json] [--save-columns MAP.json]

Parses one firewall configuration or rule export (.xlsx, .xls, .csv) and prints what the
audit will work from: interfaces, routes, rule lists with where they apply, every rule with
its line (or sheet and row) and what it matches, object counts, and diagnostics (lines or
cells not understood, undefined names) with where they are. For a rule export it also shows
which column was taken for what, how sure that is and why.

Options:
  --vendor V              read the file as this vendor instead of detecting it
                          (${[...knownVendorIds(), 'spreadsheet'].join(', ')})
  --json                  print the parsed firewall as JSON: address, port and protocol sets as
                          text, every rule and object with its source reference { file, line,
                          text } or { file, sheet, row, text }; rule exports add "columnMappings"
  --columns MAP.json      a rule export's column mapping template (fields to headers or letters);
                          columns it leaves out are still detected
  --save-columns MAP.json write the mapping used as a template, to reuse for the next export
  -h, --help              show this help
`;

export const parseCommand = defineCommand({
  name: 'parse',
  usage,
  options: { vendor: { type: 'string' }, json: { type: 'boolean' }, columns: { type: 'string' }, 'save-columns': { type: 'string' } },
  positionals: true,
  async run({ values, positionals }, io) {
    const [file, extra] = positionals;
    if (file === undefined) throw new UsageError('wfos-audit parse: give the configuration file to parse (see --help)');
    if (extra !== undefined) throw new UsageError(`wfos-audit parse: one file at a time ("${extra}" is one too many)`);
    const bytes = await readInputFile(resolve(io.cwd, file), file);
    const columns = values.columns === undefined ? undefined : await readColumns(resolve(io.cwd, values.columns), values.columns);
    const parsed = parseWithErrors(bytes, file, values.vendor, columns);
    const { firewall, mappings } = parsed;
    if (values['save-columns'] !== undefined) await saveColumns(resolve(io.cwd, values['save-columns']), values['save-columns'], mappings, io.err);
    io.out(
      values.json
        ? JSON.stringify({ ...firewallToJson(firewall), ...(mappings && { columnMappings: mappings }) }, null, 2) + '\n'
        : formatFirewall(firewall, parsed),
    );
    return 0;
  },
});

async function readInputFile(path: string, shownAs: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new UsageError(`cannot read ${shownAs}: ${why}`);
  }
}

function parseWithErrors(bytes: Uint8Array, file: string, vendor: string | undefined, columns: ExplicitColumns | undefined): ParsedSource {
  try {
    return parseSource(bytes, file, { ...(vendor !== undefined && { vendor }), ...(columns && { columns }) });
  } catch (error) {
    if (error instanceof VendorDetectionError) throw new UsageError(error.message.replace(/give the vendor explicitly/, 'give it with --vendor'));
    if (error instanceof SpreadsheetError) throw new UsageError(error.message);
    throw error;
  }
}

async function readColumns(path: string, shownAs: string): Promise<ExplicitColumns> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${shownAs}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return parseColumnTemplate(text, shownAs);
  } catch (error) {
    if (error instanceof SpreadsheetError) throw new UsageError(error.message);
    throw error;
  }
}

async function saveColumns(path: string, shownAs: string, mappings: readonly ColumnMapping[] | undefined, err: (text: string) => void): Promise<void> {
  const rules = mappings?.find((mapping) => mapping.kind === 'rules');
  if (rules?.kind !== 'rules') throw new UsageError('--save-columns: only a rule export has a column mapping to save');
  await writeFile(path, JSON.stringify(templateOf(rules), null, 2) + '\n');
  err(`column mapping of sheet ${rules.sheet} written to ${shownAs}\n`);
}

function formatFirewall(firewall: Firewall, parsed: ParsedSource): string {
  const { stats } = firewall;
  const unit = parsed.mappings ? 'rows' : 'lines';
  const sections = [
    `${firewall.file}: ${parsed.readBy}${firewall.hostname ? `, hostname ${firewall.hostname}` : ''}${firewall.version ? `, version ${firewall.version}` : ''}\n` +
      `${stats.lines} ${unit}: ${stats.understood} understood, ${stats.ignored} ignored on purpose, ${stats.notUnderstood} not understood, ${stats.blank} blank\n`,
    ...(parsed.mappings ?? []).map(formatMapping),
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
          : formatTable(['Rule', parsed.mappings ? 'Row' : 'Line', 'Action', 'Match'], list.rules.map((rule) => [rule.id, lineOf(rule.ref), rule.action, describeRule(rule)])),
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
        : firewall.diagnostics.map((diagnostic) => formatDiagnostic(diagnostic, parsed.mappings !== undefined)).join('\n') + '\n',
    ),
  ];
  return sections.join('\n');
}

function section(title: string, body: string): string {
  return `${title}\n${body}`;
}

function lineOf(ref: SourceRef): string {
  return String(ref.line ?? ref.row);
}

/** A rule export's messages start with their cell or sheet already; a configuration's get the line. */
function formatDiagnostic(diagnostic: Diagnostic, ruleExport: boolean): string {
  return ruleExport ? `${diagnostic.severity}: ${diagnostic.message}` : `line ${diagnostic.line}: ${diagnostic.severity}: ${diagnostic.message}`;
}

function formatMapping(mapping: ColumnMapping): string {
  const kind = mapping.kind === 'rules' ? 'rules' : 'objects';
  const rows = Object.entries(mapping.fields).map(([field, assignment]) => [
    field,
    assignment!.letter,
    assignment!.header || '-',
    `${Math.round(assignment!.confidence * 100)}%`,
    assignment!.evidence.join('; '),
  ]);
  const conditions = mapping.kind === 'rules' ? mapping.conditions.map((item) => [`(condition)`, item.letter, item.header, '-', item.evidence.join('; ')]) : [];
  const ignored = mapping.ignored.length > 0 ? `Not used: ${mapping.ignored.map((item) => `${item.letter} "${item.header}"`).join(', ')}\n` : '';
  return section(
    `Columns of sheet ${mapping.sheet} (${kind}, header on row ${mapping.headerRow || '(none)'}${mapping.kind === 'rules' && mapping.explicit ? ', mapping given' : ''})`,
    formatTable(['Field', 'Column', 'Header', 'Sure', 'Why'], [...rows, ...conditions]) + ignored,
  );
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
