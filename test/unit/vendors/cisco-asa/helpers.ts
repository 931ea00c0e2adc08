import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AddressSet, PortSet, ProtocolSet } from '../../../../src-main/core/net/index';
import type { Firewall, Rule, RuleList } from '../../../../src-main/core/model/index';
import { parseAsaConfig } from '../../../../src-main/core/vendors/cisco-asa/index';

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../../fixtures/asa/${name}`, import.meta.url));
}

export function fixtureText(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

export function parseFixture(name: string): Firewall {
  return parseAsaConfig(fixtureText(name), name);
}

/** Parses lines given as an array, so a test reads with its line numbers in mind. */
export function parseLines(lines: readonly string[], file = 'snippet.txt'): Firewall {
  return parseAsaConfig(lines.join('\n') + '\n', file);
}

export function listNamed(firewall: Firewall, name: string): RuleList {
  const list = firewall.ruleLists.find((candidate) => candidate.name === name);
  if (!list) throw new Error(`no rule list ${name}; have ${firewall.ruleLists.map((l) => l.name).join(', ')}`);
  return list;
}

export function ruleWithId(firewall: Firewall, id: string): Rule {
  for (const list of firewall.ruleLists) {
    const rule = list.rules.find((candidate) => candidate.id === id);
    if (rule) return rule;
  }
  throw new Error(`no rule ${id}`);
}

export const addresses = (text: string): AddressSet => AddressSet.parse(text);
export const ports = (text: string): PortSet => PortSet.parse(text);
export const protocols = (...numbers: number[]): ProtocolSet => ProtocolSet.of(...numbers);

/** A box written as text, for comparing with `toEqual` on strings rather than on set internals. */
export function boxText(box: { sources: AddressSet; destinations: AddressSet; protocols: ProtocolSet; sourcePorts: PortSet; destinationPorts: PortSet; icmp?: { type: number; code?: number } }): string {
  const icmp = box.icmp ? ` icmp ${box.icmp.type}${box.icmp.code === undefined ? '' : `/${box.icmp.code}`}` : '';
  return `${box.protocols.toString()} ${box.sources.toString()}:${box.sourcePorts.toString()} -> ${box.destinations.toString()}:${box.destinationPorts.toString()}${icmp}`;
}
