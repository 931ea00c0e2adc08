import { isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { SiteError } from './site-error';

/** What parsing a site file's YAML yields: the document (for line numbers) and its plain value. */
export interface SiteYaml {
  doc: Document;
  lines: LineCounter;
  value: unknown;
}

/** The YAML parser's messages for slips people make often, said in the file's terms. */
const PLAIN_YAML_MESSAGES: Readonly<Record<string, string>> = {
  MULTIPLE_DOCS: 'holds more than one YAML document (a "---" line): give one site per file',
  TAB_AS_INDENT: 'indented with a tab: YAML indents with spaces only',
};

/**
 * Keys whose value is a name shown on the report. A site numbered `site: 0412` or a firewall
 * called `name: 101` is text to the person who typed it; YAML would read a number and lose the
 * leading zero, so these take the characters as written.
 */
const NAME_PATHS: readonly (readonly string[])[] = [['site'], ['customer'], ['auditor'], ['matrix']];
const FIREWALL_NAME_PATHS: readonly (readonly string[])[] = [['name'], ['vendor'], ['ssh', 'username'], ['ssh', 'vendor']];

/**
 * Parses site text. Anchors, aliases and `<<:` merge keys work as people use them to repeat a
 * firewall entry; duplicate keys, syntax errors and several documents are errors with a line.
 */
export function readSiteYaml(text: string, file: string): SiteYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, merge: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = lines.linePos(yamlError.pos[0]).line;
    const message = PLAIN_YAML_MESSAGES[yamlError.code] ?? yamlError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new SiteError(file, line, '', `not valid YAML: ${message}`);
  }
  keepNamesAsWritten(doc);
  return { doc, lines, value: doc.toJS({ maxAliasCount: 1000 }) };
}

function keepNamesAsWritten(doc: Document): void {
  const firewalls = doc.get('firewalls', true);
  const count = firewalls && typeof firewalls === 'object' && 'items' in firewalls && Array.isArray(firewalls.items) ? firewalls.items.length : 0;
  const paths = [...NAME_PATHS, ...Array.from({ length: count }, (_, index) => FIREWALL_NAME_PATHS.map((path) => ['firewalls', index, ...path])).flat()];
  for (const path of paths) {
    const node = doc.getIn(path, true);
    if (isScalar(node) && typeof node.value === 'number' && node.source !== undefined) node.value = node.source;
  }
}
