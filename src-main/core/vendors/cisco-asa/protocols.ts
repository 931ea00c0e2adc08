import { ICMP, ICMP6 } from '../../net/index';

/** ASA protocol literals; `ip` means every protocol and is handled by the caller. */
const PROTOCOL_NUMBERS: ReadonlyMap<string, number> = new Map([
  ['ah', 51],
  ['ahp', 51],
  ['eigrp', 88],
  ['esp', 50],
  ['gre', 47],
  ['icmp', 1],
  ['icmp6', 58],
  ['igmp', 2],
  ['igrp', 9],
  ['ipinip', 4],
  ['ipsec', 50],
  ['nos', 94],
  ['ospf', 89],
  ['pcp', 108],
  ['pim', 103],
  ['pptp', 47],
  ['sctp', 132],
  ['snp', 109],
  ['tcp', 6],
  ['udp', 17],
]);

/** Protocol number for a word, `'all'` for ip, undefined when the ASA has no such literal. */
export function lookupProtocol(word: string): number | 'all' | undefined {
  const name = word.toLowerCase();
  if (name === 'ip') return 'all';
  if (/^\d+$/.test(name)) {
    const number = Number(name);
    return number <= 255 ? number : undefined;
  }
  return PROTOCOL_NUMBERS.get(name);
}

const ICMP_TYPES: ReadonlyMap<string, number> = new Map([
  ['echo-reply', 0],
  ['unreachable', 3],
  ['source-quench', 4],
  ['redirect', 5],
  ['alternate-address', 6],
  ['echo', 8],
  ['router-advertisement', 9],
  ['router-solicitation', 10],
  ['time-exceeded', 11],
  ['parameter-problem', 12],
  ['timestamp-request', 13],
  ['timestamp-reply', 14],
  ['information-request', 15],
  ['information-reply', 16],
  ['mask-request', 17],
  ['mask-reply', 18],
  ['traceroute', 30],
  ['conversion-error', 31],
  ['mobile-redirect', 32],
]);

const ICMP6_TYPES: ReadonlyMap<string, number> = new Map([
  ['unreachable', 1],
  ['packet-too-big', 2],
  ['time-exceeded', 3],
  ['parameter-problem', 4],
  ['echo', 128],
  ['echo-reply', 129],
  ['membership-query', 130],
  ['membership-report', 131],
  ['membership-reduction', 132],
  ['router-solicitation', 133],
  ['router-advertisement', 134],
  ['neighbor-solicitation', 135],
  ['neighbor-advertisement', 136],
  ['neighbor-redirect', 137],
  ['router-renumbering', 138],
]);

export function lookupIcmpType(word: string, protocol: number): number | undefined {
  if (/^\d+$/.test(word)) {
    const number = Number(word);
    return number <= 255 ? number : undefined;
  }
  const table = protocol === ICMP6 ? ICMP6_TYPES : ICMP_TYPES;
  return table.get(word.toLowerCase());
}

export function isIcmp(protocol: number): boolean {
  return protocol === ICMP || protocol === ICMP6;
}
