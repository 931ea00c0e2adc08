import { AddressSet, PortSet, ProtocolSet } from '../net/index';
import type { Firewall } from './firewall';

/** The JSON form of a model value: sets become their canonical text, undefined fields vanish. */
export type Jsonified<T> = T extends AddressSet | PortSet | ProtocolSet
  ? string
  : T extends readonly (infer Item)[]
    ? Jsonified<Item>[]
    : T extends object
      ? { [Key in keyof T]: Jsonified<T[Key]> }
      : T;

export type FirewallJson = Jsonified<Firewall>;

/** Plain data for `JSON.stringify`: the document `wfos-audit parse --json` prints. */
export function firewallToJson(firewall: Firewall): FirewallJson {
  return toJsonValue(firewall) as FirewallJson;
}

function toJsonValue(value: unknown): unknown {
  if (value instanceof AddressSet || value instanceof PortSet || value instanceof ProtocolSet) return value.toString();
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value !== null && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      if (field !== undefined) result[key] = toJsonValue(field);
    }
    return result;
  }
  return value;
}
