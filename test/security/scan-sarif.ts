import type { FloorProblem } from './electron-floor';
import type { JudgedFinding } from './electron-scan-policy';

/**
 * The scan as SARIF 2.1.0, for code-scanning viewers: Electronegativity's findings in one run
 * (blocking ones as errors, accepted ones suppressed with the allowlist's reason), the scan's
 * own rules (electron-floor.ts) in another.
 */

interface SarifResult {
  ruleId: string;
  level: 'error' | 'warning' | 'note';
  message: { text: string };
  locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn?: number } } }[];
  suppressions?: { kind: 'external'; justification: string }[];
  properties?: Record<string, unknown>;
}

function locations(file: string, line: number, column?: number): Pick<SarifResult, 'locations'> {
  if (file === 'N/A') return {};
  const region = line > 0 ? { region: { startLine: line, ...(column === undefined ? {} : { startColumn: column + 1 }) } } : {};
  return { locations: [{ physicalLocation: { artifactLocation: { uri: file }, ...region } }] };
}

function rules(ids: Iterable<string>, helpUri: (id: string) => string | undefined) {
  return [...new Set(ids)].sort().map((id) => {
    const uri = helpUri(id);
    return { id, ...(uri ? { helpUri: uri } : {}) };
  });
}

export function toSarif(scannerVersion: string, findings: readonly JudgedFinding[], floor: readonly FloorProblem[]): unknown {
  const scannerResults: SarifResult[] = findings.map((finding) => ({
    ruleId: finding.check,
    level: finding.disposition === 'blocking' ? 'error' : finding.severity === 'INFORMATIONAL' ? 'note' : 'warning',
    message: { text: finding.description || finding.check },
    ...locations(finding.file, finding.line, finding.column),
    ...(finding.because ? { suppressions: [{ kind: 'external' as const, justification: finding.because }] } : {}),
    properties: { severity: finding.severity, confidence: finding.confidence, manualReview: finding.manualReview, disposition: finding.disposition },
  }));
  const floorResults: SarifResult[] = floor.map((problem) => ({
    ruleId: problem.check,
    level: 'error',
    message: { text: problem.message },
    ...locations(problem.file, problem.line),
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Electronegativity',
            version: scannerVersion,
            informationUri: 'https://github.com/doyensec/electronegativity',
            rules: rules(
              findings.map((finding) => finding.check),
              (id) => `https://github.com/doyensec/electronegativity/wiki/${id}`,
            ),
          },
        },
        results: scannerResults,
      },
      {
        tool: { driver: { name: 'wfos-electron-floor', rules: rules(['WFOS_WEB_PREFERENCES', 'WFOS_CSP'], () => undefined) } },
        results: floorResults,
      },
    ],
  };
}
