import { createRequire } from 'node:module';
import type { ScannerFinding } from './electronegativity';

/**
 * What the Electron security scan lets through. A finding blocks when Electronegativity rates
 * it HIGH, or when it concerns one of the issue's own requirements (context isolation, the
 * sandbox, no Node integration, a strict CSP, navigation and new windows blocked, no remote
 * content): Electronegativity rates a missing sandbox or a missing CSP only MEDIUM, and
 * `nodeIntegration: true` only INFORMATIONAL, which would let them pass a HIGH-only gate.
 * Every exception is one entry below, by check and file, with the reason it is safe.
 */

/** Checks that block at whatever severity Electronegativity gives them. */
export const REQUIRED_CHECKS: ReadonlySet<string> = new Set([
  'CONTEXT_ISOLATION_JS_CHECK',
  'SANDBOX_JS_CHECK',
  'NODE_INTEGRATION_JS_CHECK',
  'NODE_INTEGRATION_HTML_CHECK',
  'NODE_INTEGRATION_ATTACH_EVENT_JS_CHECK',
  'CSP_GLOBAL_CHECK',
  'LIMIT_NAVIGATION_GLOBAL_CHECK',
  'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
  'WEB_SECURITY_JS_CHECK',
  'WEB_SECURITY_HTML_CHECK',
  'INSECURE_CONTENT_JS_CHECK',
  'INSECURE_CONTENT_HTML_CHECK',
  'HTTP_RESOURCES_JS_CHECK',
  'HTTP_RESOURCES_HTML_CHECK',
  'HTTP_RESOURCES_WITH_NODE_INTEGRATION_GLOBAL_CHECK',
]);

/**
 * Checks not run. AvailableSecurityFixesGlobalCheck downloads Electron's release list to
 * compare versions; this machine and CI are offline, and the Electron version is pinned in
 * package.json, so upgrades go through dependency review instead.
 */
export const EXCLUDED_CHECKS: readonly string[] = ['AvailableSecurityFixesGlobalCheck'];

export interface AllowlistEntry {
  check: string;
  file: string;
  /** Narrows the entry further, for a check whose finding can be benign or not in one file. */
  applies?: (finding: ScannerFinding) => boolean;
  because: string;
}

interface CspFinding {
  directive: string;
  value: string;
}

// The evaluator is the scanner's own dependency, so it is loaded from there.
const scannerRequire = createRequire(createRequire(import.meta.url).resolve('@doyensec/electronegativity'));

/** What Electronegativity's CSP evaluator objects to in a policy. */
function cspObjections(policy: string): CspFinding[] {
  const csp = scannerRequire('@doyensec/csp-evaluator') as {
    CspParser: new (policy: string) => { csp: unknown };
    CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): CspFinding[] };
    Version: { CSP3: unknown };
  };
  return new csp.CspEvaluator(new csp.CspParser(policy).csp, csp.Version.CSP3).evaluate();
}

/** True when the evaluator's only objection to a policy is 'self' in script-src. */
function onlySelfCaveat(policy: string): boolean {
  try {
    return cspObjections(policy).every((objection) => objection.directive === 'script-src' && objection.value === "'self'");
  } catch {
    return false;
  }
}

export const ALLOWLIST: readonly AllowlistEntry[] = [
  {
    check: 'CSP_GLOBAL_CHECK',
    file: 'out/renderer/index.html',
    // Only while the evaluator's one objection is 'self' in script-src: anything else it finds
    // ('unsafe-eval', inline scripts, no object-src) still blocks. It does not object to remote
    // hosts; electron-floor.ts does.
    applies: (finding) => onlySelfCaveat(finding.sample),
    because:
      "the evaluator warns that 'self' can be problematic where the origin hosts JSONP, Angular or user uploads; " +
      "here 'self' is the app's own wfos://app origin, whose protocol handler serves only the files of the renderer bundle",
  },
  {
    check: 'AUXCLICK_JS_CHECK',
    file: 'src-main/electron/main.ts',
    because:
      "it asks for disableBlinkFeatures: 'Auxclick', but Chromium has had no such runtime feature since auxclick shipped " +
      '(electron/electron#10315), so the setting would change nothing. A middle-click on a link goes through the window ' +
      'open handler (electron/electron#28498), and security.ts denies every new window and every navigation off the app',
  },
  {
    check: 'PRELOAD_JS_CHECK',
    file: 'src-main/electron/main.ts',
    because:
      'a request for review, done: preload.ts exposes one function, invoke(name, input), over one channel; the main ' +
      "process answers only the app's own frame and validates every call against api.ts before it reaches a handler",
  },
];

export type Disposition = 'blocking' | 'accepted' | 'reported';

export interface JudgedFinding extends ScannerFinding {
  disposition: Disposition;
  because?: string;
}

export function judge(finding: ScannerFinding, allowlist: readonly AllowlistEntry[] = ALLOWLIST): JudgedFinding {
  const entry = allowlist.find((candidate) => candidate.check === finding.check && candidate.file === finding.file && (candidate.applies?.(finding) ?? true));
  if (entry) return { ...finding, disposition: 'accepted', because: entry.because };
  const blocks = finding.severity === 'HIGH' || REQUIRED_CHECKS.has(finding.check);
  return { ...finding, disposition: blocks ? 'blocking' : 'reported' };
}

/** Allowlist entries no finding needed: a fix landed, or a file moved. */
export function unusedEntries(findings: readonly JudgedFinding[], allowlist: readonly AllowlistEntry[] = ALLOWLIST): AllowlistEntry[] {
  return allowlist.filter((entry) => !findings.some((finding) => finding.disposition === 'accepted' && finding.check === entry.check && finding.file === entry.file));
}
