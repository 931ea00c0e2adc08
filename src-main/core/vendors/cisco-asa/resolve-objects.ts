import { AddressSet, ICMP6, PortSet, ProtocolSet } from '../../net/index';
import type { NetworkObject, ObjectTable, ServiceObject, ServiceObjectKind, Uncertainty } from '../../model/index';
import { dedupeUncertainties } from '../../model/match-building';
import type { ParseContext } from './context';
import { lookupIcmpType } from './protocols';
import type { MemberRef, RawConfig, RawNetworkDef, RawServiceDef } from './raw-config';
import { protocolSetOf } from './services';

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
  private readonly portMismatches = new Map<ServiceObject, Map<ProtocolSet, string | undefined>>();

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
    if (service) return service.kind === 'port' ? 'a port group' : `${article(service.kind)} ${service.kind} ${service.isGroup ? 'group' : 'object'}`;
    const network = this.raw.networks.get(name);
    if (network) return network.kind === 'group' ? 'a network group' : 'a network object';
    return this.raw.names.has(name) ? 'a name' : undefined;
  }

  /**
   * Why a port group does not fit the protocols of the rule using it, or undefined when it fits:
   * a group typed for another protocol, or one holding another protocol's ports through a nested
   * group. A tcp-udp group fits a tcp or a udp rule.
   */
  portGroupMismatch(group: ServiceObject, ruleProtocols: ProtocolSet): string | undefined {
    let byProtocols = this.portMismatches.get(group);
    if (byProtocols === undefined) {
      byProtocols = new Map();
      this.portMismatches.set(group, byProtocols);
    }
    if (byProtocols.has(ruleProtocols)) return byProtocols.get(ruleProtocols);
    const portType = this.raw.services.get(group.name)?.portType;
    const typed = portType === undefined ? undefined : protocolSetOf(portType);
    let mismatch: string | undefined;
    if (typed !== undefined && !ruleProtocols.isSubsetOf(typed)) {
      mismatch = `${group.name} is ${article(portType ?? '')} ${portType ?? ''} port group, used on ${article(ruleProtocols.toString())} ${ruleProtocols.toString()} rule`;
    } else {
      const stray = group.services.reduce((all, spec) => (spec.protocols.overlaps(ruleProtocols) ? all : all.union(spec.protocols)), ProtocolSet.empty());
      if (!stray.isEmpty()) {
        mismatch = `${group.name} holds ${stray.toString()} ports (from a nested group), used on ${article(ruleProtocols.toString())} ${ruleProtocols.toString()} rule`;
      }
    }
    byProtocols.set(ruleProtocols, mismatch);
    return mismatch;
  }

  /**
   * An ICMP-type group's types as ICMPv6 reads them after `icmp6`: each name as the ICMPv6 type
   * of that name. A number, or a name ICMPv6 does not have, leaves the answer unknown: the word
   * is returned instead.
   */
  icmp6TypesOf(group: ServiceObject): number[] | { untranslatable: string } {
    const types: number[] = [];
    const seen = new Set<string>();
    const visit = (name: string): string | undefined => {
      if (seen.has(name)) return undefined;
      seen.add(name);
      const def = this.raw.services.get(name);
      if (!def || def.kind !== 'icmp-type') return undefined;
      for (const word of def.icmpTypeWords ?? []) {
        const type = /^\d+$/.test(word) ? undefined : lookupIcmpType(word, ICMP6);
        if (type === undefined) return word;
        types.push(type);
      }
      for (const member of def.members) {
        const untranslatable = visit(member.name);
        if (untranslatable !== undefined) return untranslatable;
      }
      return undefined;
    };
    const untranslatable = visit(group.name);
    return untranslatable === undefined ? types : { untranslatable };
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
    if (def.kind !== 'name' && def.literal.isEmpty() && def.members.length === 0 && unresolved.length === 0) {
      unresolved.push(this.empty(def.kind === 'group' ? `object-group ${name}` : `object ${name}`, name, def.ref.line, NETWORK_CONTENT[def.kind]));
    }
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
    if (services.length === 0 && def.members.length === 0 && unresolved.length === 0) {
      const content = def.isGroup ? SERVICE_GROUP_CONTENT[def.kind] : 'service';
      unresolved.push(this.empty(`${def.isGroup ? 'object-group' : 'object'} ${name}`, name, def.ref.line, content));
    }
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
      } else if (def.portType !== undefined) {
        this.checkNestedPortType(def.portType, member, name);
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

  /** A tcp group nesting a udp group, say: the ASA's reading of that is not verified, so it is only pointed out. */
  private checkNestedPortType(portType: string, member: MemberRef, owner: string): void {
    const childType = this.raw.services.get(member.name)?.portType;
    const outer = protocolSetOf(portType);
    const inner = childType === undefined ? undefined : protocolSetOf(childType);
    if (childType === undefined || outer === undefined || inner === undefined || inner.isSubsetOf(outer)) return;
    this.ctx.report(member.line.number, 'warning', `${owner} (${portType}) includes ${member.name}, which is ${article(childType)} ${childType} port group`);
  }

  /**
   * An object with no line saying what it holds matches nothing on paper; the ASA keeps such
   * objects, but a rule naming one was surely meant to match something.
   */
  private empty(label: string, name: string, line: number, content: string): Uncertainty {
    const why = `${label} is empty: it has no ${content} line`;
    this.ctx.report(line, 'warning', `${why}; rules using it are marked unresolved`);
    return { kind: 'unsupported', name, reason: `${label} (line ${line}) is empty: it has no ${content} line` };
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

const NETWORK_CONTENT = { object: 'host, subnet, range or fqdn', group: 'network-object or group-object' } as const;

const SERVICE_GROUP_CONTENT: Record<ServiceObjectKind, string> = {
  service: 'service-object or group-object',
  port: 'port-object or group-object',
  protocol: 'protocol-object or group-object',
  'icmp-type': 'icmp-object or group-object',
};

/** As the word is spoken: "an icmp-type group", "a udp port group" (u as in you). */
function article(word: string): 'a' | 'an' {
  return /^[aeio]/i.test(word) ? 'an' : 'a';
}

function remembered<K, V>(cache: Map<K, V>, key: K, compute: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    cache.set(key, value);
  }
  return value;
}
