import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assertProfileReadOnly } from '../../../src-main/core/collect/profiles';
import { ciscoAsaSshProfile, matchAsaPrompt } from '../../../src-main/core/vendors/cisco-asa/ssh-profile';

const fixture = readFileSync(fileURLToPath(new URL('../../fixtures/asa/dal-dc-fw01.txt', import.meta.url)), 'utf8').split('\n');
const configuration = ciscoAsaSshProfile.captures.find((capture) => capture.purpose === 'configuration')!;

describe('Cisco ASA SSH profile', () => {
  it.each([
    ['dal-dc-fw01>', 'dal-dc-fw01', 'user'],
    ['dal-dc-fw01> ', 'dal-dc-fw01', 'user'],
    ['dal-dc-fw01#', 'dal-dc-fw01', 'privileged'],
    ['asa5525/admin#', 'asa5525/admin', 'privileged'],
    ['asa5525/pri/act> ', 'asa5525/pri/act', 'user'],
    ['dal-dc-fw01(config)#', 'dal-dc-fw01', 'config'],
    ['dal-dc-fw01(config-if)# ', 'dal-dc-fw01', 'config'],
    ['asa5525/ctx1(config-network-object)#', 'asa5525/ctx1', 'config'],
  ])('recognises %j', (line, base, mode) => {
    expect(matchAsaPrompt(line)).toEqual({ base, mode, text: line.trim() });
  });

  it.each(['', 'Password:', '<--- More --->', '##########', 'Type help or ? for a list>', ': end', 'access-list a extended permit ip any any', '1.2.3.4>'])('does not take %j for a prompt', (line) => {
    expect(matchAsaPrompt(line)).toBeUndefined();
  });

  it('a running configuration is whole only with its version line and final ": end"', () => {
    expect(configuration.incompleteBecause!(fixture)).toBeUndefined();
    const cut = fixture.slice(0, 200);
    expect(configuration.incompleteBecause!(cut)).toBe(`the output does not end with ": end" (it ends with "${cut.at(-1)!.trim()}")`);
    expect(configuration.incompleteBecause!(['ERROR: % Invalid input detected'])).toContain('no "ASA Version" line');
    expect(configuration.incompleteBecause!([])).toBe('the device sent no configuration');
  });

  it('reads hostname and version for the evidence', () => {
    const outputs = new Map([
      ['version', ['Cisco Adaptive Security Appliance Software Version 9.16(4)', 'edge-fw up 3 days']],
      ['configuration', fixture],
    ] as const);
    expect(ciscoAsaSshProfile.deviceFacts(outputs)).toEqual({ hostname: 'dal-dc-fw01', version: '9.16(4)' });
    expect(ciscoAsaSshProfile.deviceFacts(new Map([['version', ['edge-fw up 3 days']]]))).toEqual({ hostname: 'edge-fw' });
  });

  it('passes its own read-only check; a profile that would configure is refused before connecting', () => {
    expect(() => assertProfileReadOnly(ciscoAsaSshProfile, 'fw:22')).not.toThrow();
    const careless = { ...ciscoAsaSshProfile, setup: [{ command: 'pager lines 0', ifRefused: '' }], allowlist: { exact: [...ciscoAsaSshProfile.allowlist.exact, 'pager lines 0'] } };
    expect(() => assertProfileReadOnly(careless, 'fw:22')).toThrow('fw:22: the Cisco ASA / FTD (LINA) profile would send "pager lines 0", refused: it sets the pager in the configuration (persistent); nothing was sent');
  });
});
