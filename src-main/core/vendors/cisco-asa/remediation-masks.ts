/** 24 -> "255.255.255.0": the ASA writes IPv4 networks with dotted masks. */
export function cidrToMask(length: number): string {
  const mask = length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
  return [24, 16, 8, 0].map((shift) => (mask >>> shift) & 0xff).join('.');
}
