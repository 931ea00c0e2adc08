import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-main/content-security-policy';
import { cspProblems, webPreferenceProblems } from '../security/electron-floor';
import type { ScanReport } from '../security/electron-scan';
import { judge } from '../security/electron-scan-policy';
import type { ScannerFinding } from '../security/electronegativity';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scanScript = join(root, 'test', 'security', 'electron-scan.ts');
const windowSource = readFileSync(join(root, 'src-main', 'electron', 'main.ts'), 'utf8');

interface ScanRun {
  code: number | null;
  output: string;
  report: ScanReport;
}

/** `npm run security:electron` as CI runs it, with its options. */
function runScan(args: string[], reportDir: string): Promise<ScanRun> {
  // A report left by an earlier run must not stand in for this one.
  rmSync(join(reportDir, 'electronegativity.json'), { force: true });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', scanScript, ...args, '--report-dir', reportDir], { cwd: root });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      try {
        resolve({ code, output, report: JSON.parse(readFileSync(join(reportDir, 'electronegativity.json'), 'utf8')) as ScanReport });
      } catch {
        reject(new Error(`the scan wrote no report (exit ${code}):\n${output}`));
      }
    });
  });
}

/** The one BrowserWindow of main.ts with one of its webPreferences changed. */
function withPreference(line: RegExp, replacement: string): string {
  expect(windowSource).toMatch(line);
  return windowSource.replace(line, replacement);
}

let workDir: string;
let buildDir: string;
let app: ScanRun;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'electron-security-'));
  buildDir = join(workDir, 'build');
  // The report of the real app goes where CI keeps test output.
  app = await runScan(['--build-dir', buildDir], join(root, 'test-results'));
}, 240_000);
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('Electronegativity over the app as built', () => {
  it('ran its checks over the main, preload and renderer bundles and the Electron layer', () => {
    expect(app.report.scanner.name).toBe('@doyensec/electronegativity');
    expect(app.report.checks.atomic).toBeGreaterThan(30);
    expect(app.report.checks.global).toBeGreaterThan(3);
    const scanned = app.report.files.map((file) => file.path);
    expect(scanned).toEqual(expect.arrayContaining(['out/main/main.cjs', 'out/preload/preload.cjs', 'out/renderer/index.html', 'src-main/electron/main.ts', 'src-main/electron/security.ts']));
    expect(scanned.some((path) => /^out\/renderer\/assets\/.+\.js$/.test(path))).toBe(true);
    // The main bundle carries everything the main process runs, not a stub.
    expect(app.report.files.find((file) => file.path === 'out/main/main.cjs')?.bytes).toBeGreaterThan(500_000);
    expect(app.report.parseErrors).toEqual([]);
    expect(app.output).toContain('scanned out/main/main.cjs');
  });

  it('finds nothing that blocks: no HIGH finding, and every exception names its reason', () => {
    expect(app.report.findings.filter((finding) => finding.disposition === 'blocking')).toEqual([]);
    expect(app.report.findings.filter((finding) => finding.severity === 'HIGH')).toEqual([]);
    expect(app.report.floor).toEqual([]);
    for (const finding of app.report.findings.filter((candidate) => candidate.disposition === 'accepted')) {
      expect(finding.because, finding.check).toMatch(/\w+ \w+ \w+/);
    }
    expect(app.report.unusedAllowlistEntries).toEqual([]);
    expect(app.report.blocking).toBe(0);
    expect(app.code, app.output).toBe(0);
    expect(app.output).toMatch(/^0 blocking, \d+ accepted, \d+ reported$/m);
    const sarif = JSON.parse(readFileSync(join(root, 'test-results', 'electronegativity.sarif'), 'utf8')) as { version: string; runs: { tool: { driver: { name: string } }; results: { level: string; suppressions?: unknown[] }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.tool.driver.name).toBe('Electronegativity');
    expect(sarif.runs.flatMap((run) => run.results).filter((result) => result.level === 'error')).toEqual([]);
  });

  it('fails when the window loses contextIsolation or the sandbox, gains Node, or the page loses its CSP', async () => {
    const electronDir = join(workDir, 'weakened-electron');
    cpSync(join(root, 'src-main', 'electron'), electronDir, { recursive: true });
    let weakened = windowSource.replace(/^\s*contextIsolation: true,\n/m, '').replace(/^\s*sandbox: true,\n/m, '');
    weakened = weakened.replace('nodeIntegration: false', 'nodeIntegration: true');
    expect(weakened).not.toBe(windowSource);
    writeFileSync(join(electronDir, 'main.ts'), weakened);
    const weakenedBuild = join(workDir, 'weakened-build');
    cpSync(buildDir, weakenedBuild, { recursive: true });
    const page = join(weakenedBuild, 'renderer', 'index.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''));

    const weak = await runScan(['--reuse-build', weakenedBuild, '--electron-dir', electronDir], join(workDir, 'weakened-report'));
    expect(weak.code, weak.output).toBe(1);
    const blocking = new Set(weak.report.findings.filter((finding) => finding.disposition === 'blocking').map((finding) => finding.check));
    expect([...blocking].sort()).toEqual(['CONTEXT_ISOLATION_JS_CHECK', 'CSP_GLOBAL_CHECK', 'NODE_INTEGRATION_JS_CHECK', 'SANDBOX_JS_CHECK']);
    expect(weak.output).toMatch(/^BLOCKING HIGH CONTEXT_ISOLATION_JS_CHECK src-main\/electron\/main\.ts:\d+/m);
    expect(weak.output).toMatch(/^BLOCKING MEDIUM CSP_GLOBAL_CHECK N\/A: No CSP has been detected/m);
    expect(weak.report.blocking).toBeGreaterThanOrEqual(4);
  }, 240_000);
});

describe("the scan's own rules, where Electronegativity cannot see", () => {
  it('accepts the window as it is', () => {
    expect(webPreferenceProblems('main.ts', windowSource)).toEqual({ windows: 1, problems: [] });
  });

  it('refuses nodeIntegration: true even while the sandbox stays on, which Electronegativity lets pass', () => {
    const { problems } = webPreferenceProblems('main.ts', withPreference(/nodeIntegration: false/, 'nodeIntegration: true'));
    expect(problems.map((problem) => problem.message)).toEqual(['BrowserWindow webPreferences: nodeIntegration must be false']);
  });

  it('refuses a window without contextIsolation or the sandbox, or with web security off', () => {
    const messages = (source: string) => webPreferenceProblems('main.ts', source).problems.map((problem) => problem.message);
    expect(messages(withPreference(/contextIsolation: true/, 'contextIsolation: false'))).toEqual(['BrowserWindow webPreferences: contextIsolation must be true']);
    expect(messages(withPreference(/^\s*sandbox: true,\n/m, ''))).toEqual(['BrowserWindow webPreferences: sandbox must be stated as true']);
    expect(messages(withPreference(/webSecurity: true/, 'webSecurity: false'))).toEqual(['BrowserWindow webPreferences: webSecurity must not be false']);
    expect(messages(withPreference(/sandbox: true/, 'sandbox: process.env.SANDBOX === "1"'))).toEqual(['BrowserWindow webPreferences: sandbox must be true']);
  });

  it("holds the page's CSP to the header the app sends, and the header to the app's own origin", () => {
    const page = readFileSync(join(root, 'src-renderer', 'index.html'), 'utf8');
    const messages = (html: string, header = CONTENT_SECURITY_POLICY) => cspProblems('index.html', html, header).map((problem) => problem.message);
    expect(messages(page)).toEqual([]);
    expect(messages(page.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"))).toEqual([
      "the page's CSP differs from CONTENT_SECURITY_POLICY (src-main/content-security-policy.ts) in script-src",
    ]);
    // The scanner's evaluator has no objection to a remote host; this rule does.
    const remote = (policy: string) => policy.replace("connect-src 'self'", "connect-src 'self' https://telemetry.example.com");
    expect(messages(remote(page), remote(CONTENT_SECURITY_POLICY))).toEqual([
      'CONTENT_SECURITY_POLICY (src-main/content-security-policy.ts) lets the app load from elsewhere: connect-src https://telemetry.example.com',
    ]);
  });
});

describe('the policy', () => {
  const finding = (overrides: Partial<ScannerFinding>): ScannerFinding => ({
    check: 'DANGEROUS_FUNCTIONS_JS_CHECK', severity: 'LOW', confidence: 'FIRM', file: 'out/main/main.cjs', line: 1, column: 0, sample: '', description: '', manualReview: false, ...overrides,
  });
  const policy = CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", '');

  it('blocks every HIGH finding, and the required checks at any severity', () => {
    expect(judge(finding({ severity: 'HIGH' })).disposition).toBe('blocking');
    expect(judge(finding({ severity: 'MEDIUM' })).disposition).toBe('reported');
    expect(judge(finding({ check: 'SANDBOX_JS_CHECK', severity: 'MEDIUM', file: 'src-main/electron/main.ts' })).disposition).toBe('blocking');
    expect(judge(finding({ check: 'NODE_INTEGRATION_JS_CHECK', severity: 'INFORMATIONAL', file: 'src-main/electron/main.ts' })).disposition).toBe('blocking');
  });

  it("accepts the CSP evaluator's caveat about 'self' and nothing more", () => {
    const csp = (sample: string) => judge(finding({ check: 'CSP_GLOBAL_CHECK', file: 'out/renderer/index.html', sample }));
    expect(csp(policy)).toMatchObject({ disposition: 'accepted', because: expect.stringContaining('wfos://app') });
    expect(csp(policy.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'")).disposition).toBe('blocking');
    expect(csp(policy.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")).disposition).toBe('blocking');
  });

  it('accepts an allowlisted check only in the file it names', () => {
    expect(judge(finding({ check: 'PRELOAD_JS_CHECK', severity: 'MEDIUM', file: 'src-main/electron/main.ts' })).disposition).toBe('accepted');
    expect(judge(finding({ check: 'AUXCLICK_JS_CHECK', severity: 'MEDIUM', file: 'src-main/electron/other-window.ts' })).disposition).toBe('reported');
    expect(judge(finding({ check: 'AUXCLICK_JS_CHECK', severity: 'HIGH', file: 'src-main/electron/other-window.ts' })).disposition).toBe('blocking');
  });
});
