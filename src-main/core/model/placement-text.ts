import type { Placement } from './rules';

/** "in on outside", "global": where a rule list filters traffic, as people say it. */
export function describePlacement(placement: Placement): string {
  switch (placement.kind) {
    case 'interface-in':
      return `in on ${placement.interface ?? '?'}`;
    case 'interface-out':
      return `out on ${placement.interface ?? '?'}`;
    case 'global':
      return 'global';
    case 'zone-pair':
      return `from ${placement.fromZone ?? 'any'} to ${placement.toZone ?? 'any'}`;
    case 'host':
      return 'host';
  }
}
