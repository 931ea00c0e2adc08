import type { AuditContext } from '../../../src-main/core/engine/audit-context';
import { auditedFirewall } from '../../../src-main/core/engine/firewall-path';
import { overPermissiveFindings } from '../../../src-main/core/engine/over-permissive';
import { AddressSet, FlowSpace, PortSet, ProtocolSet } from '../../../src-main/core/net/index';
import { parseAsaConfig } from '../../../src-main/core/vendors/cisco-asa/index';

const wfos = AddressSet.parse('10.10.20.11');
// A site where no matrix row is deployed: everything a rule opens to the server is excess.
const context = {
  wfosAddresses: wfos,
  neededSpace: FlowSpace.empty(),
  required: [],
  towardsWfos: FlowSpace.of({ sources: AddressSet.any(), destinations: wfos, protocols: ProtocolSet.all(), sourcePorts: PortSet.all(), destinationPorts: PortSet.all() }),
  vendorOf: () => 'cisco-asa',
} as unknown as AuditContext;

/** The over-permissive findings of ASA lines, at a site with one WFOS server (10.10.20.11) and no row deployed. */
export function findingsFor(lines: readonly string[]) {
  const firewall = parseAsaConfig(lines.join('\n') + '\n', 'fw.txt');
  return overPermissiveFindings(context, auditedFirewall({ name: 'fw', line: 1 }, firewall), new Set());
}
