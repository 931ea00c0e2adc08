import ts from 'typescript';

/**
 * Two rules the scan adds to Electronegativity's, where its checks cannot see:
 *
 * - Every window's webPreferences state contextIsolation: true, sandbox: true and
 *   nodeIntegration: false, as literals. Electronegativity says nothing about
 *   `nodeIntegration: true` while `sandbox: true` is set, and it recognises
 *   `new BrowserWindow(…)` only under that bare name.
 * - The CSP in the shipped page is the one the app's protocol handler sends as a header, so the
 *   scanner's verdict on the page's policy is a verdict on the header's (a meta tag cannot carry
 *   frame-ancestors, so that directive is left out of the comparison), and it names no origin
 *   but the app's own: the scanner's CSP evaluator does not object to a remote host.
 */

export interface FloorProblem {
  check: 'WFOS_WEB_PREFERENCES' | 'WFOS_CSP';
  file: string;
  line: number;
  message: string;
}

const WINDOW_CLASSES = new Set(['BrowserWindow', 'BrowserView', 'WebContentsView']);
const REQUIRED_PREFERENCES: ReadonlyMap<string, boolean> = new Map([
  ['contextIsolation', true],
  ['sandbox', true],
  ['nodeIntegration', false],
]);
/** Preferences that must not be turned on (or, for webSecurity, off). */
const FORBIDDEN_PREFERENCES: ReadonlyMap<string, boolean> = new Map([
  ['nodeIntegrationInWorker', true],
  ['nodeIntegrationInSubFrames', true],
  ['allowRunningInsecureContent', true],
  ['experimentalFeatures', true],
  ['webviewTag', true],
  ['webSecurity', false],
]);

function propertyName(property: ts.ObjectLiteralElementLike): string | undefined {
  if (!ts.isPropertyAssignment(property)) return undefined;
  const name = property.name;
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

function literalBoolean(node: ts.Expression): boolean | undefined {
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  return undefined;
}

function constructedClass(node: ts.NewExpression): string | undefined {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** Problems with the windows a source file creates, and how many windows it creates. */
export function webPreferenceProblems(file: string, text: string): { windows: number; problems: FloorProblem[] } {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const problems: FloorProblem[] = [];
  let windows = 0;
  const problem = (node: ts.Node, message: string) =>
    problems.push({ check: 'WFOS_WEB_PREFERENCES', file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, message });

  const visit = (node: ts.Node): void => {
    const windowClass = ts.isNewExpression(node) ? constructedClass(node) : undefined;
    if (ts.isNewExpression(node) && windowClass && WINDOW_CLASSES.has(windowClass)) {
      windows += 1;
      const options = node.arguments?.[0];
      const webPreferences = options && ts.isObjectLiteralExpression(options) ? options.properties.find((property) => propertyName(property) === 'webPreferences') : undefined;
      if (!webPreferences || !ts.isPropertyAssignment(webPreferences) || !ts.isObjectLiteralExpression(webPreferences.initializer)) {
        problem(node, `new ${windowClass}(…) must spell out its webPreferences as an object literal here`);
      } else {
        const stated = new Map<string, ts.PropertyAssignment>();
        for (const property of webPreferences.initializer.properties) {
          const name = propertyName(property);
          if (name && ts.isPropertyAssignment(property)) stated.set(name, property);
          else problem(property, `${windowClass} webPreferences: only plain "name: value" entries, so each one can be checked`);
        }
        for (const [name, required] of REQUIRED_PREFERENCES) {
          const property = stated.get(name);
          if (!property) problem(webPreferences, `${windowClass} webPreferences: ${name} must be stated as ${required}`);
          else if (literalBoolean(property.initializer) !== required) problem(property, `${windowClass} webPreferences: ${name} must be ${required}`);
        }
        for (const [name, forbidden] of FORBIDDEN_PREFERENCES) {
          const property = stated.get(name);
          if (property && literalBoolean(property.initializer) !== !forbidden) problem(property, `${windowClass} webPreferences: ${name} must not be ${forbidden}`);
        }
        const blink = stated.get('enableBlinkFeatures');
        if (blink) problem(blink, `${windowClass} webPreferences: enableBlinkFeatures turns on Chromium's experimental features`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { windows, problems };
}

/** A policy as its directives, each with its sources sorted, for comparing two spellings. */
function directives(policy: string): Map<string, string> {
  const parsed = new Map<string, string>();
  for (const directive of policy.split(';')) {
    const [name, ...values] = directive.trim().split(/\s+/);
    if (name) parsed.set(name.toLowerCase(), values.sort().join(' '));
  }
  return parsed;
}

/** The `content` of the page's CSP meta tags. */
export function metaPolicies(html: string): string[] {
  const policies: string[] = [];
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    if (!/http-equiv\s*=\s*["']content-security-policy["']/i.test(tag)) continue;
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    if (content) policies.push(content[1] ?? content[2] ?? '');
  }
  return policies;
}

/** Sources that load from somewhere other than the app: hosts, schemes, wildcards. */
function remoteSources(policy: Map<string, string>): string[] {
  const local = /^('[^']*'|data:|blob:)$/;
  return [...policy].flatMap(([name, values]) => values.split(' ').filter((value) => value && !local.test(value)).map((value) => `${name} ${value}`));
}

export function cspProblems(file: string, html: string, headerPolicy: string): FloorProblem[] {
  const problems: FloorProblem[] = [];
  const problem = (message: string) => problems.push({ check: 'WFOS_CSP', file, line: 0, message });
  const header = directives(headerPolicy);
  const remote = remoteSources(header);
  if (remote.length > 0) problem(`CONTENT_SECURITY_POLICY (src-main/content-security-policy.ts) lets the app load from elsewhere: ${remote.join(', ')}`);
  const policies = metaPolicies(html);
  if (policies.length !== 1) {
    problem(`the page must carry exactly one Content-Security-Policy meta tag (it has ${policies.length})`);
    return problems;
  }
  header.delete('frame-ancestors');
  const meta = directives(policies[0] ?? '');
  const differing = [...new Set([...header.keys(), ...meta.keys()])].filter((name) => header.get(name) !== meta.get(name));
  if (differing.length > 0) problem(`the page's CSP differs from CONTENT_SECURITY_POLICY (src-main/content-security-policy.ts) in ${differing.join(', ')}`);
  return problems;
}
