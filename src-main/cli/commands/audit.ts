import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadSource, runAudit, SEVERITIES, type AuditResult, type Severity } from '../../core/engine/index';
import { loadSiteFile } from '../../core/site/index';
import { defineCommand } from '../args';
import { UsageError } from '../command';
import { VERSION } from '../version';
import { formatAuditSummary } from './audit-summary';

const usage = `Usage: wfos-audit audit --site SITE.yaml [--json OUT] [--fail-on SEVERITY]

Checks every firewall of a site file against the WFOS port matrix: which required flows
pass, which are blocked or partly blocked, which rules permit more than the matrix needs.
Prints a summary; --json writes the full audit result (schema wfos-audit/1).

Options:
  --site FILE          the site file (YAML): roles, addresses and firewalls
  --json OUT           write the audit result as JSON to OUT ("-" for stdout)
  --fail-on SEVERITY   exit 1 when a finding (coverage gaps included) is at least this
                       severe: critical, high, medium, low or info
  -h, --help           show this help
`;

export const auditCommand = defineCommand({
  name: 'audit',
  summary: 'audit a site\'s firewalls against the matrix (--site SITE.yaml)',
  usage,
  options: { site: { type: 'string' }, json: { type: 'string' }, 'fail-on': { type: 'string' } },
  async run({ values }, io) {
    if (!values.site) throw new UsageError('--site SITE.yaml is required');
    const failOn = values['fail-on'];
    if (failOn !== undefined && !SEVERITIES.includes(failOn as Severity)) {
      throw new UsageError(`--fail-on ${failOn}: not a severity (${SEVERITIES.join(', ')})`);
    }
    const site = loadSiteFile(resolve(io.cwd, values.site));
    const sources = site.firewalls.map((entry) => {
      io.err(`reading ${entry.name}${entry.fileAsWritten ? ` (${entry.fileAsWritten})` : ''}…\n`);
      return loadSource(entry);
    });
    io.err(`auditing ${site.matrix.rows.length} matrix rows against ${sources.length} firewall${sources.length === 1 ? '' : 's'}…\n`);
    const result = runAudit(site, sources, { toolVersion: VERSION });
    if (values.json === '-') io.out(JSON.stringify(result, null, 2) + '\n');
    else {
      if (values.json) writeJson(resolve(io.cwd, values.json), result);
      io.out(formatAuditSummary(result));
      if (values.json) io.out(`\nAudit result written to ${values.json}\n`);
    }
    return failOn !== undefined && reaches(result, failOn as Severity) ? 1 : 0;
  },
});

function writeJson(path: string, result: AuditResult): void {
  try {
    writeFileSync(path, JSON.stringify(result, null, 2) + '\n');
  } catch (error) {
    throw new UsageError(`${path}: cannot write the audit result (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

function reaches(result: AuditResult, threshold: Severity): boolean {
  const limit = SEVERITIES.indexOf(threshold);
  return result.findings.some((finding) => SEVERITIES.indexOf(finding.severity) <= limit);
}
