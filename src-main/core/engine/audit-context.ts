import { AddressSet, FlowSpace, PortSet, ProtocolSet } from '../net/index';
import { addressesOfRole, type Site } from '../site/index';
import type { AuditedFirewall } from './firewall-path';
import { requiredFlowOf, type RequiredFlow } from './required-flow';

type ApplicableFlow = Extract<RequiredFlow, { applicable: true }>;

/** What every analysis of one audit shares, computed once. */
export interface AuditContext {
  site: Site;
  firewalls: readonly AuditedFirewall[];
  flows: readonly RequiredFlow[];
  /** The rows deployed at this site, with their packet spaces. */
  required: readonly ApplicableFlow[];
  /**
   * Everything the deployed rows need, as one space, from any source port: firewall rules
   * rarely name source ports, and a rule that does not is no broader for it.
   */
  neededSpace: FlowSpace;
  /** Addresses of the deployed WFOS server components: what over-permissive analysis protects. */
  wfosAddresses: AddressSet;
  /** Every packet to a WFOS server. */
  towardsWfos: FlowSpace;
  vendorOf(firewallName: string): string;
}

export function auditContext(site: Site, firewalls: readonly AuditedFirewall[]): AuditContext {
  const flows = site.matrix.rows.map((row) => requiredFlowOf(row, site));
  const required = flows.filter((flow): flow is ApplicableFlow => flow.applicable);
  const wfosAddresses = addressesOfRole(site, 'All Components');
  const vendors = new Map(firewalls.map((audited) => [audited.entry.name, audited.firewall.vendor]));
  return {
    site,
    firewalls,
    flows,
    required,
    neededSpace: FlowSpace.fromBoxes(required.flatMap((flow) => flow.space.boxes().map((box) => ({ ...box, sourcePorts: PortSet.all() })))),
    wfosAddresses,
    towardsWfos: FlowSpace.of({ sources: AddressSet.any(), destinations: wfosAddresses, protocols: ProtocolSet.all(), sourcePorts: PortSet.all(), destinationPorts: PortSet.all() }),
    vendorOf: (name) => vendors.get(name) ?? 'unknown',
  };
}
