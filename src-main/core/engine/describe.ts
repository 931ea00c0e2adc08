import { isSheetRef } from '../model/index';
import type { FlowSpace, PortSet } from '../net/index';
import type { MissingPart, RuleReference } from './audit-result';
import { deciderRef, type Decider } from './verdict';

/**
 * A decider as the audit JSON cites it: id, line (or sheet and row) and the text as written
 * there; built-in behaviour adds what it is as a note, since its line only set it up.
 */
export function referenceOf(decider: Decider): RuleReference {
  const ref = deciderRef(decider);
  const id = decider.kind === 'rule' ? decider.rule.id : decider.id;
  if (decider.kind === 'default') {
    if (!ref) return { id, text: decider.text };
    const where = isSheetRef(ref) ? { sheet: ref.sheet, row: ref.row } : { line: ref.line };
    return { id, ...where, text: ref.text, note: decider.text };
  }
  return isSheetRef(ref!) ? { id, sheet: ref!.sheet, row: ref!.row, text: ref!.text } : { id, line: ref!.line, text: ref!.text };
}

/** "line 103" or "Policies row 14", for sentences. */
export function whereOf(reference: RuleReference): string {
  if (reference.line !== undefined) return `line ${reference.line}`;
  if (reference.sheet !== undefined) return `${reference.sheet} row ${reference.row}`;
  return '';
}

/** "servers_in#9 (line 136)"; built-in behaviour with what it is: "rec01#implicit (implicit deny at the end of rec01)". */
export function citationOf(decider: Decider): string {
  const reference = referenceOf(decider);
  const where = whereOf(reference);
  if (decider.kind === 'rule') return where ? `${reference.id} (${where})` : reference.id;
  return `${reference.id} (${reference.note ?? reference.text}${where ? `, ${where}` : ''})`;
}

/** Each box of a space as sources, destinations and ports, the way the report lists gaps. */
export function missingParts(space: FlowSpace, ephemeral: PortSet): MissingPart[] {
  return space.boxes().map((box) => ({
    sources: box.sources.toString(),
    destinations: box.destinations.toString(),
    ports: box.destinationPorts.toString(),
    ...(!ephemeral.isSubsetOf(box.sourcePorts) && { sourcePorts: box.sourcePorts.toString() }),
  }));
}

/** "1050-1065/tcp from 10.10.20.12 to 10.40.0.10". */
export function describePart(part: MissingPart, transport: string): string {
  return `${part.ports}/${transport} from ${part.sources} to ${part.destinations}`;
}

export function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
