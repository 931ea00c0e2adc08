import { AddressSet } from '../net/index';
import type { NetworkObject, ObjectTable, ServiceObject, ServiceSpec, Uncertainty } from '../model/index';
import { dedupeUncertainties } from '../model/match-building';
import { addressLiteral, readAddressCell, looksLikeFqdn, type CellReading } from './address-cells';
import { isAnyWord, splitItems } from './cell-items';
import type { ImportContext } from './import-context';
import type { DefinitionCell, ObjectDefinition, ObjectKind } from './objects-sheet';
import { protocolWord, readServiceCell } from './service-cells';
import { lookupServiceName } from './service-names';

/**
 * The workbook's objects, flattened once each: nested groups resolved, a member that does not
 * exist or closes a loop reported at its cell and left unresolved (so rules naming the group
 * are uncertain, never silently narrower). Lookups are exact first, then case-insensitive,
 * since SmartConsole and hand-made sheets do not keep case.
 */
export class SheetObjects {
  private readonly networks = new Map<string, NetworkObject>();
  private readonly services = new Map<string, ServiceObject>();
  private readonly byLowerName = new Map<string, string | null>();
  private readonly resolving = new Set<string>();

  constructor(
    private readonly definitions: ReadonlyMap<string, ObjectDefinition>,
    private readonly ctx: ImportContext,
  ) {
    for (const name of definitions.keys()) {
      const lower = name.toLowerCase();
      this.byLowerName.set(lower, this.byLowerName.has(lower) ? null : name);
    }
    for (const definition of definitions.values()) this.resolve(definition);
  }

  network = (name: string): NetworkObject | undefined => {
    const definition = this.definitionOf(name);
    return definition && this.resolve(definition) === 'network' ? this.networks.get(definition.name) : undefined;
  };

  service = (name: string): ServiceObject | undefined => {
    const definition = this.definitionOf(name);
    return definition && this.resolve(definition) === 'service' ? this.services.get(definition.name) : undefined;
  };

  table(): ObjectTable {
    return { networks: [...this.networks.values()], services: [...this.services.values()] };
  }

  private definitionOf(name: string): ObjectDefinition | undefined {
    const exact = this.definitions.get(name);
    if (exact) return exact;
    const folded = this.byLowerName.get(name.toLowerCase());
    return folded ? this.definitions.get(folded) : undefined;
  }

  /**
   * Looks a member up while `owner` is being resolved. A name already being resolved closes a
   * loop: it is reported at the member's cell and matches nothing for sure.
   */
  private memberLookup<T>(owner: ObjectDefinition, cell: DefinitionCell, find: (name: string) => T | undefined, loop: (definition: ObjectDefinition, reason: Uncertainty) => T) {
    return (name: string): T | undefined => {
      const definition = this.definitionOf(name);
      if (!definition || !this.resolving.has(definition.name)) return find(name);
      const reason = `${definition.name} contains ${owner.name === definition.name ? 'itself' : owner.name}, which contains it again: a loop of groups`;
      this.ctx.atCell(cell.sheet, cell.row, cell.column, 'error', `${owner.name}: member ${definition.name} closes a loop of groups; the loop is left unresolved`);
      return loop(definition, { kind: 'reference-cycle', name: definition.name, reason });
    };
  }

  private resolve(definition: ObjectDefinition): ObjectKind | undefined {
    if (this.networks.has(definition.name)) return 'network';
    if (this.services.has(definition.name)) return 'service';
    if (this.resolving.has(definition.name)) return undefined;
    this.resolving.add(definition.name);
    const kind = definition.kind ?? this.guessKind(definition);
    if (kind === 'service') this.services.set(definition.name, this.serviceObject(definition));
    else this.networks.set(definition.name, this.networkObject(definition));
    this.resolving.delete(definition.name);
    return kind;
  }

  /**
   * Without a Type, the values say it: addresses or FQDNs make a network object, ports or known
   * service names a service; names take the kind of the object they name.
   */
  private guessKind(definition: ObjectDefinition): ObjectKind {
    const items = [...definition.values, ...definition.members].flatMap((cell) => splitItems(cell.text)).filter((item) => !isAnyWord(item));
    for (const item of items) {
      const named = this.definitionOf(item);
      if (named && named !== definition && !this.resolving.has(named.name)) return named.kind ?? this.guessKind(named);
      if (named) continue;
      if (addressLiteral(item) instanceof AddressSet || looksLikeFqdn(item)) return 'network';
      if (/^\d/.test(item) || lookupServiceName(item) !== undefined || protocolWord(item.split(/[\s/:_-]/)[0]!) !== undefined) return 'service';
    }
    return 'network';
  }

  private networkObject(definition: ObjectDefinition): NetworkObject {
    let addresses = AddressSet.empty();
    const unresolved: Uncertainty[] = [];
    const members: string[] = [];
    for (const cell of [...definition.values, ...definition.members]) {
      const lookup = this.memberLookup(definition, cell, this.network, (looped, reason): NetworkObject => ({
        name: looped.name, kind: 'group', addresses: AddressSet.empty(), members: [], unresolved: [reason], ref: looped.ref,
      }));
      const reading = readAddressCell(cell.text, lookup);
      this.report(cell, reading, definition.name);
      addresses = addresses.union(reading.bound.lower);
      unresolved.push(...reading.unresolved);
      members.push(...reading.referencedObjects);
      if (reading.negated) this.ctx.atCell(cell.sheet, cell.row, cell.column, 'warning', `${definition.name}: a negated object value is read without the negation`);
    }
    return {
      name: definition.name,
      kind: definition.isGroup || members.length > 0 ? 'group' : 'object',
      addresses,
      members: [...new Set(members)],
      unresolved: dedupeUncertainties(unresolved),
      ...(definition.description !== undefined && { description: definition.description }),
      ref: definition.ref,
    };
  }

  private serviceObject(definition: ObjectDefinition): ServiceObject {
    const services: ServiceSpec[] = [];
    const unresolved: Uncertainty[] = [];
    const members: string[] = [];
    const protocols = definition.protocol === undefined ? undefined : protocolWord(definition.protocol.text);
    if (definition.protocol !== undefined && protocols === undefined) {
      this.ctx.atCell(definition.protocol.sheet, definition.protocol.row, definition.protocol.column, 'error', `"${definition.protocol.text}" is not a protocol`);
    }
    for (const cell of [...definition.values, ...definition.members]) {
      const lookup = this.memberLookup(definition, cell, this.service, (looped, reason): ServiceObject => ({
        name: looped.name, kind: 'service', isGroup: true, services: [], members: [], unresolved: [reason], ref: looped.ref,
      }));
      const reading = readServiceCell(cell.text, { lookup, ...(protocols && { protocols }) });
      this.report(cell, reading, definition.name);
      services.push(...reading.bound.lower);
      unresolved.push(...reading.unresolved);
      members.push(...reading.referencedObjects);
    }
    return {
      name: definition.name,
      kind: 'service',
      isGroup: definition.isGroup || members.length > 0,
      services,
      members: [...new Set(members)],
      unresolved: dedupeUncertainties(unresolved),
      ...(definition.description !== undefined && { description: definition.description }),
      ref: definition.ref,
    };
  }

  private report(cell: DefinitionCell, reading: CellReading<unknown>, objectName: string): void {
    for (const problem of reading.problems) this.ctx.atCell(cell.sheet, cell.row, cell.column, 'error', `${objectName}: ${problem}`);
    for (const warning of reading.warnings) this.ctx.atCell(cell.sheet, cell.row, cell.column, 'warning', `${objectName}: ${warning}`);
    for (const note of reading.notes) this.ctx.atCell(cell.sheet, cell.row, cell.column, 'info', `${objectName}: ${note}`);
  }
}
