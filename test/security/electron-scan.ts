/**
 * The Electron security scan: Doyensec's Electronegativity over the app as built, plus the
 * source of its Electron layer, judged by electron-scan-policy.ts.
 *
 *   tsx test/security/electron-scan.ts [--build-dir DIR | --reuse-build DIR] [--electron-dir DIR] [--report-dir DIR]
 *
 * Without --build-dir or --reuse-build the app is built into a temporary folder (out/ is left
 * alone). Writes electronegativity.json (what was scanned, every finding and what the policy
 * made of it) and electronegativity.sarif to --report-dir, default test-results/. Exit code: 0
 * nothing blocks, 1 something does, 2 the scan could not run.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CONTENT_SECURITY_POLICY } from '../../src-main/content-security-policy';
import { cspProblems, webPreferenceProblems, type FloorProblem } from './electron-floor';
import { EXCLUDED_CHECKS, judge, unusedEntries, type JudgedFinding } from './electron-scan-policy';
import { runElectronegativity, type ScannerRun } from './electronegativity';
import { toSarif } from './scan-sarif';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

export interface ScannedFile {
  /** As the project names it: out/main/main.cjs, src-main/electron/main.ts. */
  path: string;
  bytes: number;
  note?: string;
}

export interface ScanReport {
  scanner: { name: string; version: string };
  electronVersion: string;
  checks: { atomic: number; global: number; excluded: readonly string[] };
  files: ScannedFile[];
  parseErrors: ScannerRun['parseErrors'];
  findings: JudgedFinding[];
  floor: FloorProblem[];
  unusedAllowlistEntries: { check: string; file: string }[];
  blocking: number;
}

/** The app's bundles as `npm run build` makes them, elsewhere and without source maps (which the package leaves out). */
async function buildApp(outDir: string): Promise<void> {
  const { mainBundle, preloadBundle, rendererConfig } = await import('../../electron.config');
  const esbuild = await import('esbuild');
  const { build } = await import('vite');
  const quiet = { sourcemap: false, logLevel: 'error' } as const;
  await Promise.all([
    esbuild.build({ ...mainBundle, ...quiet, outfile: join(outDir, 'main', 'main.cjs') }),
    esbuild.build({ ...preloadBundle, ...quiet, outfile: join(outDir, 'preload', 'preload.cjs') }),
    build({ ...rendererConfig, logLevel: 'error', build: { ...rendererConfig.build, sourcemap: false, outDir: join(outDir, 'renderer') } }),
  ]);
}

/**
 * The folder the scanner reads, laid out as the project is. The scanner reads only .js, .ts
 * and .html files, so the CommonJS bundles get a `.js` suffix (dropped again in the report);
 * its scope analyser predates private class fields, so the renderer bundle is lowered to
 * ES2020 first (same code, other syntax: its line numbers are those of the lowered copy).
 */
async function stage(stageDir: string, buildDir: string, electronDir: string): Promise<ScannedFile[]> {
  const { transform } = await import('esbuild');
  const files: ScannedFile[] = [];
  const put = (path: string, contents: string | Buffer, note?: string) => {
    const staged = join(stageDir, path.endsWith('.cjs') ? `${path}.js` : path);
    mkdirSync(dirname(staged), { recursive: true });
    writeFileSync(staged, contents);
    files.push({ path, bytes: Buffer.byteLength(contents), ...(note ? { note } : {}) });
  };
  const read = (path: string) => {
    try {
      return readFileSync(path);
    } catch {
      throw new Error(`${path}: not found; is ${buildDir} a build of the app?`);
    }
  };

  put('out/main/main.cjs', read(join(buildDir, 'main', 'main.cjs')), 'the main process as bundled');
  put('out/preload/preload.cjs', read(join(buildDir, 'preload', 'preload.cjs')), 'the preload bridge as bundled');
  put('out/renderer/index.html', read(join(buildDir, 'renderer', 'index.html')), 'the page and its CSP');
  const assetsDir = join(buildDir, 'renderer', 'assets');
  const scripts = readdirSync(assetsDir).filter((name) => name.endsWith('.js'));
  if (scripts.length === 0) throw new Error(`${assetsDir}: no renderer bundle`);
  for (const name of scripts) {
    const lowered = await transform(read(join(assetsDir, name)).toString('utf8'), { loader: 'js', target: 'es2020', format: 'esm' });
    put(`out/renderer/assets/${name}`, lowered.code, 'the renderer as bundled, lowered to ES2020');
  }
  // The bundles say `new import_electron.BrowserWindow(…)`, which the window checks do not
  // recognise; the source says `new BrowserWindow(…)`.
  for (const name of readdirSync(electronDir).filter((file) => file.endsWith('.ts'))) {
    put(`src-main/electron/${name}`, read(join(electronDir, name)), 'the Electron layer');
  }
  put('package.json', read(join(root, 'package.json')), 'scripts and the Electron version');
  return files;
}

function floorProblems(stageDir: string, files: readonly ScannedFile[]): FloorProblem[] {
  const problems: FloorProblem[] = [];
  let windows = 0;
  for (const file of files.filter((candidate) => candidate.path.startsWith('src-main/electron/'))) {
    const result = webPreferenceProblems(file.path, readFileSync(join(stageDir, file.path), 'utf8'));
    windows += result.windows;
    problems.push(...result.problems);
  }
  if (windows === 0) problems.push({ check: 'WFOS_WEB_PREFERENCES', file: 'src-main/electron/', line: 0, message: 'no window is created here, so nothing was checked: has the window moved?' });
  problems.push(...cspProblems('out/renderer/index.html', readFileSync(join(stageDir, 'out/renderer/index.html'), 'utf8'), CONTENT_SECURITY_POLICY));
  return problems;
}

/** The project's name for a staged path: `out/main/main.cjs.js` was `out/main/main.cjs`. */
const projectPath = (path: string) => path.replace(/\.cjs\.js$/, '.cjs');

export interface ScanOptions {
  /** Build into this folder (kept). */
  buildDir?: string;
  /** Scan the build already in this folder. */
  reuseBuild?: string;
  /** Where the Electron layer's source is read; default src-main/electron. */
  electronDir?: string;
  reportDir?: string;
}

export async function scanElectronApp(options: ScanOptions): Promise<ScanReport> {
  const workDir = mkdtempSync(join(tmpdir(), 'wfos-electron-scan-'));
  try {
    let buildDir = options.reuseBuild;
    if (!buildDir) {
      buildDir = options.buildDir ?? join(workDir, 'build');
      await buildApp(buildDir);
    }
    const stageDir = join(workDir, 'scanned');
    const files = await stage(stageDir, buildDir, options.electronDir ?? join(root, 'src-main', 'electron'));

    const reportDir = options.reportDir ?? join(root, 'test-results');
    mkdirSync(reportDir, { recursive: true });
    const electronVersion = (require('electron/package.json') as { version: string }).version;
    const scan = await runElectronegativity({ input: stageDir, electronVersion, excludeChecks: EXCLUDED_CHECKS });

    const findings = scan.findings.map((finding) => judge({ ...finding, file: projectPath(finding.file) }));
    const parseErrors = scan.parseErrors.map((error) => ({ ...error, file: projectPath(relative(stageDir, error.file)) }));
    const floor = floorProblems(stageDir, files);
    const scannerVersion = (require('@doyensec/electronegativity/package.json') as { version: string }).version;
    const report: ScanReport = {
      scanner: { name: '@doyensec/electronegativity', version: scannerVersion },
      electronVersion,
      checks: { atomic: scan.atomicChecks, global: scan.globalChecks, excluded: EXCLUDED_CHECKS },
      files,
      parseErrors,
      findings,
      floor,
      unusedAllowlistEntries: unusedEntries(findings).map(({ check, file }) => ({ check, file })),
      blocking: findings.filter((finding) => finding.disposition === 'blocking').length + floor.length + parseErrors.filter((error) => !error.tolerable).length,
    };
    writeFileSync(join(reportDir, 'electronegativity.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(reportDir, 'electronegativity.sarif'), `${JSON.stringify(toSarif(scannerVersion, findings, floor), null, 2)}\n`);
    return report;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function where(file: string, line: number, column?: number): string {
  return line > 0 ? `${file}:${line}${column === undefined ? '' : `:${column}`}` : file;
}

export function describeReport(report: ScanReport): string {
  const lines = [
    `${report.scanner.name} ${report.scanner.version}, Electron ${report.electronVersion}: ${report.checks.atomic + report.checks.global} checks (${report.checks.atomic} per file, ${report.checks.global} over the app; not run: ${report.checks.excluded.join(', ')})`,
    ...report.files.map((file) => `  scanned ${file.path} (${file.bytes.toLocaleString('en')} bytes${file.note ? `, ${file.note}` : ''})`),
  ];
  for (const error of report.parseErrors) lines.push(`${error.tolerable ? 'read in part' : 'BLOCKING: could not read'} ${error.file}: ${error.message}`);
  const order: JudgedFinding['disposition'][] = ['blocking', 'accepted', 'reported'];
  for (const finding of [...report.findings].sort((a, b) => order.indexOf(a.disposition) - order.indexOf(b.disposition))) {
    const label = finding.disposition === 'blocking' ? 'BLOCKING' : finding.disposition;
    lines.push(`${label} ${finding.severity} ${finding.check} ${where(finding.file, finding.line, finding.column)}: ${finding.description}${finding.manualReview ? ' (review)' : ''}`);
    if (finding.because) lines.push(`    accepted because ${finding.because}`);
  }
  for (const problem of report.floor) lines.push(`BLOCKING ${problem.check} ${where(problem.file, problem.line)}: ${problem.message}`);
  for (const entry of report.unusedAllowlistEntries) lines.push(`note: the allowlist entry for ${entry.check} in ${entry.file} matched nothing; remove it`);
  const accepted = report.findings.filter((finding) => finding.disposition === 'accepted').length;
  lines.push(`${report.blocking} blocking, ${accepted} accepted, ${report.findings.length - accepted - report.findings.filter((finding) => finding.disposition === 'blocking').length} reported`);
  return `${lines.join('\n')}\n`;
}

async function cli(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { 'build-dir': { type: 'string' }, 'reuse-build': { type: 'string' }, 'electron-dir': { type: 'string' }, 'report-dir': { type: 'string' } },
  });
  if (values['build-dir'] && values['reuse-build']) throw new Error('--build-dir and --reuse-build do not go together');
  const reportDir = values['report-dir'] ?? join(root, 'test-results');
  const report = await scanElectronApp({
    ...(values['build-dir'] ? { buildDir: values['build-dir'] } : {}),
    ...(values['reuse-build'] ? { reuseBuild: values['reuse-build'] } : {}),
    ...(values['electron-dir'] ? { electronDir: values['electron-dir'] } : {}),
    reportDir,
  });
  process.stdout.write(describeReport(report));
  process.stdout.write(`reports: ${join(reportDir, 'electronegativity.json')}, ${join(reportDir, 'electronegativity.sarif')}\n`);
  return report.blocking > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  cli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`electron security scan: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}
