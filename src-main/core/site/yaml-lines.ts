import { isMap, isPair, isScalar, type Document, type LineCounter, type Node } from 'yaml';

type Path = readonly (string | number)[];

/**
 * The 1-based line of the node at a path in a parsed YAML document, falling back to the
 * nearest ancestor that exists (a missing key is reported at its parent). For map entries
 * it is the line of the key, which is where a person looks.
 */
export function lineOfPath(doc: Document, lines: LineCounter, path: Path): number {
  for (let length = path.length; length >= 0; length--) {
    const offset = offsetOf(doc, path.slice(0, length));
    if (offset !== undefined) return lines.linePos(offset).line;
  }
  return 1;
}

function offsetOf(doc: Document, path: Path): number | undefined {
  if (path.length === 0) return (doc.contents as Node | null)?.range?.[0];
  const parent = doc.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === last);
    const key = pair?.key as Node | undefined;
    return key?.range?.[0];
  }
  const node = doc.getIn(path, true) as Node | undefined;
  return node?.range?.[0];
}
