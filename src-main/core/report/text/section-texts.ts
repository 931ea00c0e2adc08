/**
 * The report's headings and standing paragraphs, written once for every medium that renders
 * the model (the PDF and the app's printable report), so the two say the same things in the
 * same order. What only one medium can say (what a PDF embeds) stays with that medium.
 */
export const SECTION_TITLES = {
  contents: 'Contents',
  summary: 'Executive summary',
  diagram: 'Port-usage diagram',
  coverage: 'Coverage by matrix row',
  gaps: 'Coverage gaps',
  overPermissive: 'Over-permissive rules',
  hygiene: 'Hygiene findings',
  remediation: 'Remediation by firewall',
  evidence: 'Evidence',
  signOff: 'Sign-off',
} as const;

export const SUMMARY_TITLES = {
  rowsByStatus: 'Matrix rows by status',
  findingsBySeverity: 'Findings by severity',
  firewalls: 'Firewalls audited',
  worst: 'Critical and high findings',
} as const;

export const EVIDENCE_TITLES = {
  auditResult: 'Audit result',
  roles: 'Site roles and addresses',
  checking: 'Checking this report',
} as const;

export const SECTION_INTROS = {
  coverage:
    'One line per row of the port matrix, in the matrix\'s order. For each firewall the flow crosses: where it enters and leaves, ' +
    'its verdict there, and the rule lines that permit or deny it, quoted from the configuration with their line numbers.',
  gaps:
    'Matrix rows that are partly or wholly blocked. Each lists the addresses and ports that do not get through, the line that denies them, ' +
    'and the rules that add exactly what is missing, placed before that line.',
  overPermissive:
    'Rules that permit traffic to or from WFOS addresses beyond what the deployed matrix rows need. Each shows the rule as written, ' +
    'what it permits beyond the matrix, and a replacement that permits only what the rows it serves need.',
  hygiene: 'Rules that can never match, change nothing, are inactive, or objects nothing uses: they do not open WFOS flows but make the rule base harder to audit.',
  remediation:
    'The changes each firewall needs, as commands in its own syntax: rules that add exactly the missing flows, placed before the line ' +
    'that blocks them; replacements that narrow over-permissive rules to what the matrix needs; clean-up of rules that do nothing. ' +
    'Within each list the steps run from the bottom of the list up, so the line numbers in later steps are still right when they are entered. ' +
    'Review every change against the customer\'s other traffic before applying it: the audit knows the WFOS flows, not everything else the firewall carries.',
  roles: 'The addresses the site file gives for each deployed WFOS role: every verdict in this report is about traffic between these addresses.',
  checking:
    'wfos-audit verify REPORT.pdf checks the digital signature over the whole file, that the signature covers every byte but itself, and that the ' +
    'embedded hashes agree with the embedded audit result; with --evidence DIR it also hashes the source files in DIR and compares them.',
} as const;

/** What a section says when it has nothing to list. */
export const SECTION_EMPTY = {
  gaps: 'No matrix row is partial or blocked.',
  overPermissive: 'No rule permits more than the matrix needs.',
  hygiene: 'No hygiene findings.',
  remediation: 'Nothing to change.',
  diagramView: 'The matrix has no flows of this kind.',
} as const;

export function coverSubtitle(matrixTitle: string, site: string): string {
  return `${matrixTitle}: port matrix compliance of the firewalls at ${site}`;
}

export function signOffIntro(matrixTitle: string): string {
  return (
    `The auditor confirms that this report states the result of auditing the firewalls named on the cover against the ${matrixTitle}, ` +
    'from the configurations listed under Evidence. The customer\'s representative confirms having received the report and its findings.'
  );
}
