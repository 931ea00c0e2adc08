import { AddressSet, FlowSpace, parseProtocol, PortSet, ProtocolSet, TCP, UDP } from '../net/index';
import type { RuleReference } from './audit-result';
import type { AuditedFirewall } from './firewall-path';
import { outcomeOfTrace, traceSpace, type TracedCrossing } from './rule-trace';

/** "Can 10.30.1.5 reach 10.10.20.21 on tcp/8443?", as typed. */
export interface PacketQuery {
  source: string;
  destination: string;
  /** "tcp/8443", "8443/tcp", "udp 161", "tcp 1050-1065", "icmp". */
  service: string;
  /** Source ports; the site's ephemeral range when absent. */
  sourcePort?: string;
}

/** A query that cannot be read, with the field it is about. */
export class PacketQueryError extends Error {
  override name = 'PacketQueryError';
  constructor(
    readonly field: keyof PacketQuery,
    message: string,
  ) {
    super(message);
  }
}

/** `partial`: part of the packets pass, which happens when a rule narrows the source ports. */
export type PacketVerdict = 'allowed' | 'denied' | 'unknown' | 'partial';

export interface FirewallAnswer {
  firewall: string;
  verdict: PacketVerdict;
  crossings: Omit<TracedCrossing, 'outcome'>[];
  /** The rules that decided, in evaluation order: what a person fixes or cites. */
  decidedBy: (RuleReference & { action: 'permit' | 'deny' })[];
}

export interface PacketAnswer {
  /** The packets asked about, as the engine read them. */
  packets: string;
  verdict: PacketVerdict;
  /** One sentence: "denied by dal-dc-fw01 servers_in#9 (line 136)". */
  summary: string;
  firewalls: FirewallAnswer[];
}

function parseAddresses(text: string, field: 'source' | 'destination'): AddressSet {
  try {
    const set = AddressSet.parse(text.split(/[;\n]/).join(','));
    if (set.isEmpty()) throw new Error('no address given');
    return set;
  } catch (error) {
    throw new PacketQueryError(field, `${field}: ${(error as Error).message}`);
  }
}

/** "tcp/8443", "8443/tcp", "TCP 8443", "udp:161", "icmp": the protocol and destination ports. */
export function parseService(text: string): { protocol: number; ports: PortSet } {
  const trimmed = text.trim().toLowerCase();
  const fail = (why: string): never => {
    throw new PacketQueryError('service', `service "${text.trim()}": ${why} (write it as tcp/8443, udp/161 or 1050-1065/tcp)`);
  };
  if (!trimmed) fail('give a protocol and port');
  const named = /^([a-z][a-z0-9-]*)\s*(?:[/: ]\s*([\d,\s-]+))?$/.exec(trimmed);
  const portFirst = /^([\d,\s-]+?)\s*\/\s*([a-z][a-z0-9-]*)$/.exec(trimmed);
  const [protocolText, portText] = named ? [named[1]!, named[2]] : portFirst ? [portFirst[2]!, portFirst[1]] : fail('not a protocol and port');
  let protocol: number;
  try {
    protocol = parseProtocol(protocolText);
  } catch (error) {
    return fail((error as Error).message);
  }
  const hasPorts = protocol === TCP || protocol === UDP;
  if (!hasPorts) return { protocol, ports: PortSet.all() };
  if (portText === undefined || !portText.trim()) return fail(`${protocolText} needs a destination port`);
  try {
    return { protocol, ports: PortSet.parse(portText) };
  } catch (error) {
    return fail((error as Error).message);
  }
}

/** The packets a query stands for: usually one address pair, one port, every ephemeral source port. */
export function spaceOfQuery(query: PacketQuery, ephemeral: PortSet): FlowSpace {
  const { protocol, ports } = parseService(query.service);
  let sourcePorts = ephemeral;
  if (query.sourcePort?.trim()) {
    try {
      sourcePorts = PortSet.parse(query.sourcePort);
    } catch (error) {
      throw new PacketQueryError('sourcePort', `source port: ${(error as Error).message}`);
    }
  }
  return FlowSpace.of({
    sources: parseAddresses(query.source, 'source'),
    destinations: parseAddresses(query.destination, 'destination'),
    protocols: ProtocolSet.of(protocol),
    sourcePorts: protocol === TCP || protocol === UDP ? sourcePorts : PortSet.all(),
    destinationPorts: ports,
  });
}

function verdictOf(total: FlowSpace, permitted: FlowSpace, denied: FlowSpace, unknown: FlowSpace): PacketVerdict {
  if (!unknown.isEmpty()) return 'unknown';
  if (denied.isEmpty() && total.isSubsetOf(permitted)) return 'allowed';
  return permitted.isEmpty() ? 'denied' : 'partial';
}

function where(rule: RuleReference): string {
  if (rule.line !== undefined) return ` (line ${rule.line})`;
  if (rule.sheet !== undefined) return ` (${rule.sheet} row ${rule.row})`;
  return '';
}

/**
 * Answers a packet question against the project's firewalls with the engine's own pieces:
 * which firewalls the packets cross (topology), and at each, the exact evaluation of the
 * rule lists that apply, with the rule and line that decide.
 */
export function answerPacketQuery(query: PacketQuery, firewalls: readonly AuditedFirewall[], ephemeral: PortSet): PacketAnswer {
  const space = spaceOfQuery(query, ephemeral);
  const traces = traceSpace(space, firewalls, ephemeral);
  const answers = traces.map((trace): FirewallAnswer => {
    const { permitted, denied, unknown } = outcomeOfTrace(trace);
    const crossed = permitted.union(denied).union(unknown);
    const decidedBy = trace.crossings.flatMap((crossing) => crossing.decisions.map((decision) => ({ ...decision.rule, action: decision.action })));
    return {
      firewall: trace.firewall,
      verdict: verdictOf(crossed, permitted, denied, unknown),
      crossings: trace.crossings.map(({ outcome: _outcome, ...rest }) => rest),
      decidedBy: decidedBy.filter((rule, index) => decidedBy.findIndex((other) => other.id === rule.id) === index),
    };
  });
  const outcomes = traces.map(outcomeOfTrace);
  const denied = outcomes.reduce((sum, outcome) => sum.union(outcome.denied), FlowSpace.empty());
  const unknown = outcomes.reduce((sum, outcome) => sum.union(outcome.unknown), FlowSpace.empty()).subtract(denied);
  const permitted = space.subtract(denied).subtract(unknown);
  const verdict = verdictOf(space, permitted, denied, unknown);
  return { packets: `${query.service.trim()} from ${query.source.trim()} to ${query.destination.trim()}`, verdict, summary: summaryOf(verdict, answers), firewalls: answers };
}

function summaryOf(verdict: PacketVerdict, answers: FirewallAnswer[]): string {
  if (answers.length === 0) return 'allowed: the packets cross no audited firewall';
  const cite = (answer: FirewallAnswer, action: 'permit' | 'deny') =>
    answer.decidedBy.filter((rule) => rule.action === action).map((rule) => `${rule.id}${where(rule)}`).join(', ');
  switch (verdict) {
    case 'allowed':
      return `allowed: ${answers.map((answer) => `${answer.firewall} permits it by ${cite(answer, 'permit')}`).join('; ')}`;
    case 'denied':
    case 'partial': {
      const blocking = answers.filter((answer) => answer.verdict === 'denied' || answer.verdict === 'partial');
      return `${verdict === 'denied' ? 'denied' : 'partly denied'}: ${blocking.map((answer) => `${answer.firewall} denies it by ${cite(answer, 'deny')}`).join('; ')}`;
    }
    case 'unknown': {
      const unsure = answers.filter((answer) => answer.verdict === 'unknown');
      return `unknown: ${unsure.map((answer) => `${answer.firewall}: ${answer.crossings.flatMap((crossing) => crossing.unknown).slice(0, 2).join('; ')}`).join('; ')}`;
    }
  }
}
