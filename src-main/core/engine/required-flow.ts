import { portEntryRanges } from '../matrix/ports';
import type { MatrixRow } from '../matrix/schema';
import { FlowSpace, PortSet, ProtocolSet, TCP, UDP } from '../net/index';
import { addressesOfRole, type Site } from '../site/index';

export type RequiredFlow =
  | { applicable: true; row: MatrixRow; space: FlowSpace; destinationPorts: PortSet }
  | { applicable: false; row: MatrixRow; reason: string };

/**
 * The packets a matrix row needs at this site: every source address of the initiating role
 * to every destination address of the receiving role, from any ephemeral port, to the row's
 * destination ports. A role the site does not deploy makes the row not applicable.
 */
export function requiredFlowOf(row: MatrixRow, site: Site): RequiredFlow {
  const sources = addressesOfRole(site, row.sourceRole);
  const destinations = addressesOfRole(site, row.destinationRole);
  const missing = [sources.isEmpty() && row.sourceRole, destinations.isEmpty() && row.destinationRole].filter((name): name is string => Boolean(name));
  if (missing.length > 0) {
    return { applicable: false, row, reason: `${[...new Set(missing)].join(' and ')} ${missing.length > 1 && missing[0] !== missing[1] ? 'are' : 'is'} not deployed at this site` };
  }
  const destinationPorts = PortSet.fromRanges(portEntryRanges(row.ports));
  const space = FlowSpace.of({
    sources,
    destinations,
    protocols: ProtocolSet.of(row.transport === 'tcp' ? TCP : UDP),
    sourcePorts: site.ephemeralPorts,
    destinationPorts,
  });
  return { applicable: true, row, space, destinationPorts };
}
