/**
 * What a column of a rule export can mean, and the headers the exports this reads give it
 * (Panorama / PAN-OS, FortiGate / FortiManager, SmartConsole, Tufin and AlgoSec reports,
 * hand-made workbooks). Headers are compared after `normaliseHeader`.
 */
export const RULE_FIELDS = [
  'sequence',
  'name',
  'sourceZone',
  'source',
  'destinationZone',
  'destination',
  'service',
  'application',
  'protocol',
  'action',
  'enabled',
  'negateSource',
  'negateDestination',
  'comment',
  'logging',
  'schedule',
  'direction',
] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

export const OBJECT_FIELDS = ['name', 'type', 'value', 'mask', 'protocol', 'members', 'description'] as const;
export type ObjectField = (typeof OBJECT_FIELDS)[number];

export const RULE_HEADERS: ReadonlyArray<readonly [RuleField, readonly string[]]> = [
  ['sequence', ['#', 'no', 'nr', 'num', 'number', 'rule #', 'rule no', 'rule nr', 'rule number', 'rule num', 'seq', 'seq #', 'seq no', 'sequence', 'sequence number', 'position', 'order', 'rule order', 'index', 'line', 'id', 'policy id', 'rule id', 'policyid', 'uid', 'rule uid']],
  ['name', ['name', 'rule name', 'policy name', 'title', 'rule title']],
  ['sourceZone', ['source zone', 'source zones', 'src zone', 'from', 'from zone', 'source interface', 'src interface', 'srcintf', 'src intf', 'incoming interface', 'ingress interface', 'ingress zone', 'from interface', 'inbound interface']],
  ['source', ['source', 'sources', 'source address', 'source addresses', 'src', 'src addr', 'srcaddr', 'source ip', 'src ip', 'source network', 'source networks', 'source object', 'source objects', 'source host', 'from address', 'src address', 'src addresses', 'src network', 'source subnet', 'src subnet']],
  ['destinationZone', ['destination zone', 'destination zones', 'dst zone', 'dest zone', 'to', 'to zone', 'destination interface', 'dst interface', 'dstintf', 'dst intf', 'outgoing interface', 'egress interface', 'egress zone', 'to interface', 'outbound interface']],
  ['destination', ['destination', 'destinations', 'destination address', 'destination addresses', 'dst', 'dst addr', 'dstaddr', 'dest', 'dest address', 'destination ip', 'dst ip', 'destination network', 'destination networks', 'destination object', 'destination objects', 'destination host', 'to address', 'dst address', 'dst addresses', 'dest ip', 'dst network', 'dest network', 'destination subnet', 'dst subnet', 'dest subnet']],
  ['service', ['service', 'services', 'service port', 'service ports', 'port', 'ports', 'destination port', 'destination ports', 'dst port', 'dest port', 'services and applications', 'services applications', 'application service', 'protocol port', 'port protocol', 'ports protocols', 'service s']],
  ['application', ['application', 'applications', 'app', 'apps']],
  ['protocol', ['protocol', 'protocols', 'proto', 'ip protocol', 'transport', 'l4 protocol']],
  ['action', ['action', 'actions', 'decision', 'permission', 'allow deny', 'permit deny', 'policy action', 'rule action']],
  ['enabled', ['enabled', 'enable', 'status', 'state', 'active', 'rule status', 'rule state', 'disabled', 'disable', 'inactive']],
  ['negateSource', ['negate source', 'source negated', 'source negate', 'negate src', 'src negate', 'negated source']],
  ['negateDestination', ['negate destination', 'destination negated', 'destination negate', 'negate dst', 'dst negate', 'negated destination']],
  ['comment', ['comment', 'comments', 'description', 'remark', 'remarks', 'note', 'notes', 'justification', 'business justification', 'purpose']],
  ['logging', ['log', 'logging', 'track', 'log traffic', 'log setting']],
  ['schedule', ['schedule', 'time', 'time range', 'time window']],
  // Host firewalls (Windows Defender Firewall, iptables chains): inbound or outbound.
  ['direction', ['direction', 'dir', 'traffic direction', 'flow direction', 'chain']],
];

/** Headers that mean "disabled" (yes = off), and those that only identify a rule (not its order). */
export const DISABLED_HEADERS = new Set(['disabled', 'disable', 'inactive']);
export const IDENTIFIER_HEADERS = new Set(['id', 'policy id', 'rule id', 'policyid', 'uid', 'rule uid']);

/**
 * Columns that narrow a rule by something a port matrix does not describe (who the user is,
 * which device, the source port). A rule with anything but "any" there is conditional.
 */
export const CONDITION_HEADERS: ReadonlyArray<readonly [string, 'identity' | 'unsupported']> = [
  ['source user', 'identity'],
  ['source users', 'identity'],
  ['user', 'identity'],
  ['users', 'identity'],
  ['source device', 'identity'],
  ['destination device', 'identity'],
  ['hip profiles', 'identity'],
  ['source hip', 'identity'],
  ['destination hip', 'identity'],
  ['url category', 'unsupported'],
  ['source port', 'unsupported'],
  ['src port', 'unsupported'],
  ['source ports', 'unsupported'],
  // Cisco FMC writes these beside the ports: a rule narrowed by them matches less than its ports say.
  ['urls', 'unsupported'],
  ['url', 'unsupported'],
  ['url categories', 'unsupported'],
  ['vlan tags', 'unsupported'],
  ['vlan tag', 'unsupported'],
  ['source sgt', 'identity'],
  ['destination sgt', 'identity'],
];

/** Columns exports carry that do not change what traffic a rule matches. */
export const KNOWN_IGNORED_HEADERS = new Set([
  'location', 'tags', 'tag', 'type', 'rule type', 'profile', 'profiles', 'security profiles', 'options', 'rule usage', 'hit count', 'hits',
  'last hit', 'first hit', 'apps seen', 'days with no new apps', 'modified', 'created', 'nat', 'install on', 'vpn', 'device', 'devices',
  'policy', 'policy package', 'target', 'group', 'section', 'layer', 'uuid', 'owner', 'ticket', 'expires', 'expiration', 'risk',
  'bytes', 'packets', 'sessions', 'security profile', 'inspection mode', 'ssl ssh profile', 'av profile', 'webfilter profile',
]);

export const OBJECT_HEADERS: ReadonlyArray<readonly [ObjectField, readonly string[]]> = [
  ['name', ['name', 'object', 'object name', 'address name', 'service name', 'group name', 'address object', 'service object']],
  ['type', ['type', 'object type', 'kind', 'category']],
  ['value', ['value', 'values', 'address', 'addresses', 'ip', 'ip address', 'ipv4 address', 'ipv6 address', 'ip netmask', 'ip mask', 'subnet', 'network', 'cidr', 'fqdn', 'ip range', 'range', 'port', 'ports', 'destination port', 'service', 'protocol port', 'definition', 'content', 'ip address range']],
  ['mask', ['mask', 'netmask', 'subnet mask', 'ipv4 mask', 'mask length', 'prefix', 'prefix length', 'ipv4 mask length']],
  ['protocol', ['protocol', 'proto']],
  ['members', ['members', 'member', 'group members', 'contains', 'objects', 'member objects', 'static members']],
  ['description', ['description', 'comment', 'comments', 'remark', 'remarks']],
];

/**
 * Lower case, "&" as "and", punctuation as spaces, words joined in camel case apart: "Services &
 * Applications" is "services and applications", "Rule #" is "rule #", "No." is "no",
 * "Source_Address" and "SourceAddresses" (PAN-OS CSV tools) are "source address(es)".
 */
export function normaliseHeader(text: string): string {
  return text
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll}{2})/gu, '$1 $2')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}
