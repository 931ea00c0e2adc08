import { describe, expect, it } from 'vitest';
import { checkReadOnly, isAnchored } from '../../../src-main/core/collect/guard';
import { ciscoAsaSshProfile } from '../../../src-main/core/vendors/cisco-asa/ssh-profile';

const asa = ciscoAsaSshProfile.allowlist;
/** An allowlist a careless profile author could write: everything. It must still not let changes through. */
const everything = { exact: [], patterns: [/^.*$/] };

describe('read-only guard', () => {
  it('allows exactly the ASA profile commands, blanks collapsed', () => {
    for (const command of ['enable', 'terminal pager 0', 'show running-config', 'show version', 'show access-list', 'show route', 'show interface ip brief']) {
      expect(checkReadOnly(command, asa)).toEqual({ allowed: true, command });
    }
    expect(checkReadOnly('  show   version ', asa)).toEqual({ allowed: true, command: 'show version' });
  });

  it.each([
    ['configure terminal', 'enters configuration mode'],
    ['conf t', 'enters configuration mode'],
    ['CONFIGURE TERMINAL', 'enters configuration mode'],
    ['write memory', 'writes the configuration'],
    ['wr', 'writes the configuration'],
    ['copy running-config startup-config', 'changes files'],
    ['reload', 'restarts'],
    ['reload in 5', 'restarts'],
    ['clear access-list counters', 'clears counters'],
    ['clear configure all', 'clears counters'],
    ['no access-list outside_in', 'removes configuration'],
    ['pager lines 0', 'persistent'],
    ['config system console', 'enters configuration mode'],
    ['set output standard', 'FortiOS'],
    ['set cli pager off', 'FortiOS'],
    ['execute reboot', 'FortiOS'],
    ['request restart system', 'FortiOS'],
    ['commit', 'FortiOS'],
    ['debug crypto ikev2 255', 'acts on the device'],
    ['failover active', 'acts on the device'],
    ['capture cap1 interface inside', 'acts on the device'],
    ['show running-config | redirect disk0:/leak.cfg', 'writes output to a file'],
    ['show running-config | append disk0:/x', 'writes output to a file'],
    ['show version; reload', 'shell or redirection'],
    ['show version > /tmp/x', 'shell or redirection'],
    ['cat /etc/passwd && rm -rf /', 'shell or redirection'],
  ])('refuses %j (%s), even when the allowlist would take anything', (command, why) => {
    for (const allowlist of [asa, everything]) {
      const verdict = checkReadOnly(command, allowlist);
      expect(verdict.allowed).toBe(false);
      if (!verdict.allowed) expect(verdict.reason).toContain(why);
    }
  });

  it('refuses control characters and line breaks that would smuggle a second command', () => {
    for (const command of ['show version\nconfigure terminal', 'show version\rreload', 'show run\x03', 'show\u00a0version']) {
      expect(checkReadOnly(command, everything)).toMatchObject({ allowed: false, reason: 'contains control characters or line breaks' });
    }
  });

  it('refuses what the profile does not list, including harmless-looking commands', () => {
    expect(checkReadOnly('show running-config all', asa)).toMatchObject({ allowed: false, reason: 'it is not on the read-only list for this device' });
    expect(checkReadOnly('terminal pager 24', asa).allowed).toBe(false);
    expect(checkReadOnly('ping 10.0.0.1', asa).allowed).toBe(false);
  });

  it('trusts only patterns anchored at both ends', () => {
    expect(isAnchored(/^show access-list [\w-]+$/)).toBe(true);
    expect(isAnchored(/^show (route|arp)$/)).toBe(true);
    expect(isAnchored(/^show [|]x$/)).toBe(true);
    expect(isAnchored(/show version/)).toBe(false);
    expect(isAnchored(/^show version/)).toBe(false);
    expect(isAnchored(/^show route|reload$/)).toBe(false);
    expect(isAnchored(/^show route\$/)).toBe(false);
    expect(isAnchored(/^show route$/m)).toBe(false);
    const loose = { exact: [], patterns: [/show/, /^show route|clear xlate$/] };
    expect(checkReadOnly('show version', loose).allowed).toBe(false);
    const anchored = { exact: [], patterns: [/^show access-list [\w-]+$/] };
    expect(checkReadOnly('show access-list outside_in', anchored).allowed).toBe(true);
  });
});
