import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runAudit, SEVERITIES, type AuditResult, type Severity } from '../../core/engine/index';
import { auditJsonText } from '../../core/report/evidence-manifest';
import type { SigningKey } from '../../core/report/index';
import { loadSiteFile, type Site } from '../../core/site/index';
import { defineCommand } from '../args';
import { type CliIo, UsageError } from '../command';
import { SSH_LOGIN_HELP, SSH_LOGIN_OPTIONS } from '../ssh-login';
import { VERSION } from '../version';
import { loadSiteSources } from './audit-sources';
import { formatAuditSummary } from './audit-summary';

const usage = `Usage: wfos-audit audit --site SITE.yaml [--json OUT] [--pdf OUT] [--xlsx OUT] [--csv DIR]
                        [--sign CERT.p12 --sign-passphrase-env VAR] [--auditor NAME]
                        [--customer-rep NAME] [--fail-on SEVERITY]
                        [--pull [--user U] [--identity KEY | --password-env VAR] [--enable-password-env VAR]
                         [--known-hosts FILE] [--accept-new] [--pulled-dir DIR]]

Checks every firewall of a site file against the WFOS port matrix: which required flows
pass, which are blocked or partly blocked, which rules permit more than the matrix needs.
Prints a summary; --json writes the full audit result (schema wfos-audit/1); --pdf writes
the report with its sign-off page, --xlsx and --csv the same report as tables.

A firewall the site file gives as ssh: (pulled live) is audited only with --pull: each is
pulled first, read-only, as wfos-audit pull does (a few at a time, progress on stderr), saved
with its transcript and evidence into the pulled folder, then audited as that saved file;
the audit result and the report say where, when and with which host key it was pulled. If
any device cannot be pulled (log-in, unknown or changed host key, a capture cut short),
nothing is audited: one line per device says which and at which step, and the exit code is 2.

Options:
  --site FILE                the site file (YAML): roles, addresses and firewalls
  --json OUT                 write the audit result as JSON to OUT ("-" for stdout)
  --pdf OUT                  write the report as PDF: summary, port-usage diagram, coverage
                             per matrix row, gaps, over-permissive rules, hygiene, remediation
                             per firewall, evidence (with the SHA-256 of every source) and sign-off
  --xlsx OUT                 write the report as a workbook (Summary, Coverage, Findings, Rules,
                             Remediation, Evidence)
  --csv DIR                  write the same tables as CSV files into DIR
  --sign CERT.p12            sign the PDF with this certificate and key (.p12/.pfx); make one
                             with wfos-audit cert if you have none
  --sign-passphrase-env VAR  the .p12's passphrase is in environment variable VAR
  --auditor NAME             the auditor, on the cover and the sign-off page (default: the
                             site file's auditor:)
  --customer-rep NAME        the customer's representative, on the sign-off page
  --fail-on SEVERITY         exit 1 when a finding (coverage gaps included) is at least this
                             severe: critical, high, medium, low or info
  --pull                     pull the site's ssh: firewalls over SSH first, then audit them
  --user U                   with --pull: login name for an ssh: entry without username:
${SSH_LOGIN_HELP}
  --pulled-dir DIR           with --pull: where the pulled configurations and their evidence go
                             (default: pulled/ beside the site file)
  -h, --help                 show this help

Secrets are read from the environment only, never from the command line, and are never
written to disk or shown.
`;

export const auditCommand = defineCommand({
  name: 'audit',
  usage,
  options: {
    site: { type: 'string' },
    json: { type: 'string' },
    pdf: { type: 'string' },
    xlsx: { type: 'string' },
    csv: { type: 'string' },
    sign: { type: 'string' },
    'sign-passphrase-env': { type: 'string' },
    auditor: { type: 'string' },
    'customer-rep': { type: 'string' },
    'fail-on': { type: 'string' },
    pull: { type: 'boolean' },
    user: { type: 'string' },
    ...SSH_LOGIN_OPTIONS,
    'pulled-dir': { type: 'string' },
  },
  async run({ values }, io) {
    if (!values.site) throw new UsageError('--site SITE.yaml is required');
    const failOn = values['fail-on'];
    if (failOn !== undefined && !SEVERITIES.includes(failOn as Severity)) {
      throw new UsageError(`--fail-on ${failOn}: not a severity (${SEVERITIES.join(', ')})`);
    }
    if (!values.pull) refusePullOptions(values);
    const signingKey = values.sign === undefined ? undefined : await readSigningKey(values.sign, values['sign-passphrase-env'], values.pdf, io);
    const loaded = loadSiteFile(resolve(io.cwd, values.site));
    // With --pull, the site's ssh: firewalls become the files they were pulled into. The SSH
    // side (and, below, the report side) is loaded only when asked for.
    const pulled = values.pull ? await (await import('./audit-pull')).pullSiteFirewalls(loaded, values, io) : { site: loaded };
    if ('failed' in pulled) return 2;
    const { site } = pulled;
    const sources = loadSiteSources(site, io);
    io.err(`auditing ${site.matrix.rows.length} matrix rows against ${sources.length} firewall${sources.length === 1 ? '' : 's'}…\n`);
    const audited = runAudit(site, sources, { toolVersion: VERSION });
    // The auditor named on the command line is the one the JSON, the report and its embedded copy all name.
    const result: AuditResult = values.auditor ? { ...audited, site: { ...audited.site, auditor: values.auditor } } : audited;
    const written: string[] = [];
    if (values.json === '-') io.out(auditJsonText(result));
    else if (values.json) {
      writeOutput(resolve(io.cwd, values.json), auditJsonText(result), 'the audit result');
      written.push(`Audit result written to ${values.json}`);
    }
    written.push(...(await writeReports(site, result, { ...values, signingKey }, io)));
    if (values.json !== '-') io.out(formatAuditSummary(result) + written.map((line) => `\n${line}`).join('') + (written.length > 0 ? '\n' : ''));
    return failOn !== undefined && reaches(result, failOn as Severity) ? 1 : 0;
  },
});

interface ReportOptions {
  pdf?: string;
  xlsx?: string;
  csv?: string;
  'customer-rep'?: string;
  signingKey?: SigningKey;
}

/** The report files asked for; returns one line per file for the summary. */
async function writeReports(site: Site, result: AuditResult, options: ReportOptions, io: CliIo): Promise<string[]> {
  if (!options.pdf && !options.xlsx && !options.csv) return [];
  const { buildReportModel, reportInputFor, signReportPdf, writeReportCsv, writeReportPdf, writeReportXlsx } = await import('../../core/report/index');
  const customerRep = options['customer-rep'];
  const model = buildReportModel(reportInputFor(site, result, customerRep ? { customer: { name: customerRep } } : {}));
  const lines: string[] = [];
  if (options.pdf) {
    io.err('writing the report PDF…\n');
    let pdf = await writeReportPdf(model, result);
    let signedBy = '';
    if (options.signingKey) {
      io.err(`signing it with ${options.signingKey.file}…\n`);
      const signed = await signReportPdf(pdf, options.signingKey, { location: `${result.site.customer}, ${result.site.site}` });
      pdf = signed.pdf;
      signedBy = `, signed by ${signed.signer.display}${signed.selfSigned ? ' (self-signed certificate' : ' (certificate'} SHA-256 ${signed.fingerprint})`;
    }
    writeOutput(resolve(io.cwd, options.pdf), pdf, 'the report');
    lines.push(`Report written to ${options.pdf}${signedBy}`);
  }
  if (options.xlsx) {
    writeOutput(resolve(io.cwd, options.xlsx), writeReportXlsx(model), 'the workbook');
    lines.push(`Workbook written to ${options.xlsx}`);
  }
  if (options.csv) {
    const directory = resolve(io.cwd, options.csv);
    mkdirSync(directory, { recursive: true });
    const files = writeReportCsv(model);
    for (const [name, bytes] of files) writeOutput(join(directory, name), bytes, 'a CSV file');
    lines.push(`CSV files written to ${options.csv}: ${[...files.keys()].join(', ')}`);
  }
  return lines;
}

/** Options that only mean something with --pull: said at once rather than ignored. */
function refusePullOptions(values: Record<string, unknown>): void {
  const given = ['user', ...Object.keys(SSH_LOGIN_OPTIONS), 'pulled-dir'].filter((name) => values[name] !== undefined);
  if (given.length > 0) throw new UsageError(`${given.map((name) => `--${name}`).join(', ')}: only with --pull (pull the site's ssh: firewalls first)`);
}

/** The .p12 and its passphrase, checked before the audit runs so a mistake is said at once. */
async function readSigningKey(file: string, passphraseVariable: string | undefined, pdf: string | undefined, io: CliIo): Promise<SigningKey> {
  if (!pdf) throw new UsageError('--sign signs the PDF report: give --pdf OUT too');
  if (!passphraseVariable) throw new UsageError('--sign needs --sign-passphrase-env VAR: the .p12\'s passphrase is read from the environment, never from the command line');
  const passphrase = io.env[passphraseVariable];
  if (passphrase === undefined || passphrase === '') throw new UsageError(`--sign-passphrase-env ${passphraseVariable}: the environment variable is not set`);
  const path = resolve(io.cwd, file);
  let p12: Buffer;
  try {
    p12 = readFileSync(path);
  } catch (error) {
    throw new UsageError(`${file}: cannot read the certificate (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const key = { p12, passphrase, file };
  (await import('../../core/report/index')).signingIdentity(key);
  return key;
}

function writeOutput(path: string, data: string | Buffer, what: string): void {
  try {
    writeFileSync(path, data);
  } catch (error) {
    throw new UsageError(`${path}: cannot write ${what} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

function reaches(result: AuditResult, threshold: Severity): boolean {
  const limit = SEVERITIES.indexOf(threshold);
  return result.findings.some((finding) => SEVERITIES.indexOf(finding.severity) <= limit);
}
