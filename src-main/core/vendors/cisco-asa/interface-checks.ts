import { NULL_ROUTE_INTERFACE, type Interface } from '../../model/index';
import type { ParseContext } from './context';
import type { RawConfig } from './raw-config';

/**
 * What the interface blocks and routes mean together, once all are read: a subinterface carries
 * no traffic while its physical port is shut down or before it has a VLAN, and a route out of
 * an interface the file does not name places nothing.
 */
export function settleInterfaces(raw: RawConfig, ctx: ParseContext): void {
  const byHardware = new Map(raw.interfaces.map((item) => [item.hardware, item]));
  for (const sub of raw.interfaces) {
    const dot = sub.hardware.lastIndexOf('.');
    if (dot < 0 || sub.shutdown) continue;
    const parent = byHardware.get(sub.hardware.slice(0, dot));
    if (parent?.shutdown) {
      takeDown(sub, ctx, `its physical interface ${parent.hardware} is shut down (line ${parent.ref.line})`);
    } else if (sub.vlan === undefined && sub.name !== undefined) {
      takeDown(sub, ctx, 'it has no vlan, and a subinterface passes no traffic until it has one');
    }
  }
  if (!raw.transparent) warnOfBridgedLists(raw, ctx);
  const named = new Set(raw.interfaces.flatMap((item) => (item.name === undefined ? [] : [item.name])));
  for (const route of raw.routes) {
    if (route.interface === NULL_ROUTE_INTERFACE || named.has(route.interface)) continue;
    ctx.report(route.ref.line ?? 0, 'warning', `route to ${route.destination}: no interface has nameif ${route.interface}, so the route places no flow`);
  }
}

/**
 * Routed mode with integrated routing and bridging: a bridge group's hosts sit behind its BVI,
 * where the audit places their addresses, but their traffic enters by a member interface, and
 * a member's own list filters it first. That list is not applied to them: say so where it is.
 */
function warnOfBridgedLists(raw: RawConfig, ctx: ParseContext): void {
  for (const member of raw.interfaces) {
    const group = raw.bridgeGroups.get(member.hardware);
    if (group === undefined || member.name === undefined) continue;
    for (const applied of raw.accessGroups) {
      if (applied.interface !== member.name) continue;
      ctx.report(
        applied.line.number,
        'warning',
        `access-group ${applied.list}: ${member.name} is a member of bridge-group ${group}, whose hosts the audit places behind interface BVI${group}; this list is not applied to their flows, so verdicts for them may miss what it denies`,
      );
    }
  }
}

function takeDown(sub: Interface, ctx: ParseContext, why: string): void {
  sub.shutdown = true;
  ctx.report(sub.ref.line ?? 0, 'info', `interface ${sub.hardware}${sub.name === undefined ? '' : ` (${sub.name})`} carries no traffic: ${why}`);
}
