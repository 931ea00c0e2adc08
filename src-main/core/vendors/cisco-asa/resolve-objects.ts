import { AddressSet, PortSet, ProtocolSet } from '../../net/index';
import type { NetworkObject, ObjectTable, ServiceObject, Uncertainty } from '../../model/index';
import { dedupeUncertainties } from '../../model/match-building';
import type { ParseContext } from './context';
import type { MemberRef, RawConfig, RawNetworkDef, RawServiceDef } from './raw-config';

/**
 * Flattens nested groups, once per object, in definition order. A member that does not exist
 * or that closes a loop is reported at the line naming it and leaves the object unresolved
 * (the ASA itself refuses both, so the file was edited by hand or truncated).
 */
export class ObjectResolver {
  private readonly networks = new Map<string, NetworkObject>();
  private readonly services = new Map<string, ServiceObject>();
  // Per resolved object, what ACEs naming it ask for again and again: tens of thousands of
  // entries name a few hundred groups.
  private readonly portUnions = new Map<ServiceObject, PortSet>();
  private readonly protocolUnions = new Map<ServiceObject, ProtocolSet>();

  constructor(
    private readonly raw: RawConfig,
    private readonly ctx: ParseContext,
  ) {
    for (const name of [...raw.names.keys(), ...raw.networks.keys()]) this.network(name);
    for (const name of raw.services.keys()) this.service(name);
  }

  network(name: string): NetworkObject | undefined {
    return this.networks.get(name) ?? this.resolveNetwork(name, []);
  }

  service(name: string): ServiceObject | undefined {
    return this.services.get(name) ?? this.resolveService(name, []);
  }

  /** Every destination port of a port group's services: what the group means after `eq`/`range` positions. */
  portsOf(group: ServiceObject): PortSet {
    return remembered(this.portUnions, group, () => group.services.reduce((all, spec) => all.union(spec.destinationPorts), PortSet.empty()));
  }

  /** Every protocol a service object or group names. */
  protocolsOf(service: ServiceObject): ProtocolSet {
    return remembered(this.protocolUnions, service, () => service.services.reduce((all, spec) => all.union(spec.protocols), ProtocolSet.empty()));
  }

  /** What kind of thing a name is, for error messages about using it in the wrong place. */
  describe(name: string): string | undefined {
    const service = this.raw.services.get(name);
    if (service) return service.kind === 'port' ? 'a port group' : `a ${service.kind} ${service.isGroup ? 'group' : 'object'}`;
    const network = this.raw.networks.get(name);
    if (network) return network.kind === 'group' ? 'a network group' : 'a network object';
    return this.raw.names.has(name) ? 'a name' : undefined;
  }

  table(): ObjectTable {
    return { networks: [...this.networks.values()], services: [...this.services.values()] };
  }

  private resolveNetwork(name: string, stack: readonly string[]): NetworkObject | undefined {
    const done = this.networks.get(name);
    if (done) return done;
    const def: RawNetworkDef | undefined = this.raw.networks.get(name) ?? this.raw.names.get(name);
    if (!def) return undefined;
    const parts = [def.literal];
    const unresolved = [...def.unresolved];
    for (const member of def.members) {
      if (member.alias) continue;
      const problem = this.memberProblem(member, name, stack, 'network');
      if (problem) {
        unresolved.push(problem);
        continue;
      }
      const child = this.resolveNetwork(member.name, [...stack, name]);
      if (child) {
        parts.push(child.addresses);
        unresolved.push(...child.unresolved);
      } else {
        unresolved.push(this.undefinedMember(member, name, 'network'));
      }
    }
    const resolved: NetworkObject = {
      name,
      kind: def.kind,
      addresses: AddressSet.unionAll(parts),
      members: def.members.map((member) => member.name),
      unresolved: dedupeUncertainties(unresolved),
      ...(def.description !== undefined ? { description: def.description } : {}),
      ref: def.ref,
    };
    this.networks.set(name, resolved);
    return resolved;
  }

  private resolveService(name: string, stack: readonly string[]): ServiceObject | undefined {
    const done = this.services.get(name);
    if (done) return done;
    const def: RawServiceDef | undefined = this.raw.services.get(name);
    if (!def) return undefined;
    const services = [...def.specs];
    const unresolved = [...def.unresolved];
    for (const member of def.members) {
      const problem = this.memberProblem(member, name, stack, 'service');
      if (problem) {
        unresolved.push(problem);
        continue;
      }
      const child = this.resolveService(member.name, [...stack, name]);
      if (!child) {
        unresolved.push(this.undefinedMember(member, name, 'service'));
        continue;
      }
      if (child.kind !== def.kind) {
        this.ctx.report(member.line.number, 'warning', `${name} (${def.kind}) includes ${member.name}, which is ${this.describe(member.name)}`);
      }
      services.push(...child.services);
      unresolved.push(...child.unresolved);
    }
    const resolved: ServiceObject = {
      name,
      kind: def.kind,
      isGroup: def.isGroup,
      services,
      members: def.members.map((member) => member.name),
      unresolved: dedupeUncertainties(unresolved),
      ...(def.description !== undefined ? { description: def.description } : {}),
      ref: def.ref,
    };
    this.services.set(name, resolved);
    return resolved;
  }

  private memberProblem(member: MemberRef, owner: string, stack: readonly string[], expected: 'network' | 'service'): Uncertainty | undefined {
    const path = [...stack, owner];
    const loopStart = path.indexOf(member.name);
    if (loopStart < 0) return undefined;
    const cycle = [...path.slice(loopStart), member.name].join(' -> ');
    const reason = `nested ${expected} groups form a cycle: ${cycle}`;
    this.ctx.report(member.line.number, 'error', `${owner}: ${reason}`);
    return { kind: 'reference-cycle', name: member.name, reason };
  }

  private undefinedMember(member: MemberRef, owner: string, expected: 'network' | 'service'): Uncertainty {
    const other = this.describe(member.name);
    const reason = other
      ? `${owner} includes ${member.name}, which is ${other}, not a ${expected} object`
      : `${owner} includes ${member.name}, which is not defined`;
    this.ctx.report(member.line.number, 'error', reason);
    return { kind: 'undefined-reference', name: member.name, reason };
  }
}

function remembered<K, V>(cache: Map<K, V>, key: K, compute: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    cache.set(key, value);
  }
  return value;
}
