import type { PortEntry } from './schema';

/** Port entries as inclusive [low, high] pairs, in document order. */
export function portEntryRanges(entries: readonly PortEntry[]): [number, number][] {
  return entries.map((entry) => {
    if (typeof entry === 'number') return [entry, entry];
    const [low, high] = entry.split('-').map(Number) as [number, number];
    return [low, high];
  });
}

/** "450,1050-1065,4721-4722": sorted, merged, the form the audit JSON uses. */
export function formatPortEntries(entries: readonly PortEntry[]): string {
  const sorted = portEntryRanges(entries).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [low, high] of sorted) {
    const last = merged[merged.length - 1];
    if (last && low <= last[1] + 1) last[1] = Math.max(last[1], high);
    else merged.push([low, high]);
  }
  return merged.map(([low, high]) => (low === high ? String(low) : `${low}-${high}`)).join(',');
}

/** How many ports the entries name. */
export function countPorts(entries: readonly PortEntry[]): number {
  return portEntryRanges(entries).reduce((sum, [low, high]) => sum + high - low + 1, 0);
}
