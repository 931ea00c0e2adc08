import { describe, expect, it } from 'vitest';
import { detectAsa } from '../../../src-main/core/vendors/cisco-asa/index';
import { detectVendor, knownVendorIds, VendorDetectionError, vendorById } from '../../../src-main/core/vendors/registry';
import { fixtureText } from './cisco-asa/helpers';

const IOS_ROUTER = `Building configuration...

Current configuration : 4127 bytes
!
version 15.6
hostname dal-wan-rtr01
!
interface GigabitEthernet0/0
 description WAN
 ip address 198.51.100.2 255.255.255.252
 ip access-group WAN-IN in
!
ip access-list extended WAN-IN
 permit tcp any host 198.51.100.2 eq 22
 deny   ip any any log
!
access-list 10 permit 10.0.0.0 0.255.255.255
end
`;

const FORTIGATE = `#config-version=FGT60F-7.2.5-FW-build1517-230606:opmode=0:vdom=0
config system global
    set hostname "aus-fgt01"
end
config firewall policy
    edit 1
        set name "WFOS-Recorder"
        set srcintf "internal"
        set dstintf "wan1"
        set action accept
    next
end
`;

const PAN_OS_SET = `set deviceconfig system hostname pa-dc01
set rulebase security rules WFOS-Web from trust to dmz source any destination 172.16.10.20 application web-browsing action allow
`;

const CSV_EXPORT = `Name,Source Zone,Source Address,Destination Zone,Destination Address,Service,Action
WFOS-Web,trust,10.30.0.0/16,dmz,172.16.10.20,tcp/443,allow
`;

describe('ASA detection', () => {
  it('is sure of both ASA fixtures and of an FTD LINA configuration', () => {
    expect(detectAsa(fixtureText('dal-dc-fw01.txt'))).toBe(1);
    expect(detectAsa(fixtureText('aus-rec-fw02.txt'))).toBe(1);
    expect(detectAsa('NGFW Version 7.2.5\ninterface Ethernet1/1\n nameif outside\n security-level 0\n')).toBeGreaterThanOrEqual(0.8);
  });

  it('recognises an ASA fragment without the version banner, less surely', () => {
    const fragment = 'interface GigabitEthernet0/1\n nameif inside\n security-level 100\naccess-list inside_in extended permit tcp any any eq 443\naccess-group inside_in in interface inside\n';
    expect(detectAsa(fragment)).toBeGreaterThanOrEqual(0.5);
    expect(detectAsa(fragment)).toBeLessThan(1);
  });

  it('is not fooled by other vendors or by rule exports', () => {
    for (const text of [IOS_ROUTER, FORTIGATE, PAN_OS_SET, CSV_EXPORT, '']) expect(detectAsa(text)).toBeLessThan(0.5);
  });
});

describe('vendor registry', () => {
  it('lists the ASA and finds it by id', () => {
    expect(knownVendorIds()).toEqual(['cisco-asa']);
    expect(vendorById('cisco-asa')?.name).toBe('Cisco ASA / FTD (LINA)');
    expect(vendorById('CISCO-ASA')?.id).toBe('cisco-asa');
    expect(vendorById('checkpoint')).toBeUndefined();
  });

  it('detects the vendor of a configuration and parses it', () => {
    const parser = detectVendor(fixtureText('aus-rec-fw02.txt'), 'aus-rec-fw02.txt');
    expect(parser.id).toBe('cisco-asa');
    expect(parser.parse(fixtureText('aus-rec-fw02.txt'), 'aus-rec-fw02.txt').hostname).toBe('aus-rec-fw02');
  });

  it('refuses to guess, naming the file', () => {
    expect(() => detectVendor(FORTIGATE, 'configs/aus-fgt01.conf')).toThrow(VendorDetectionError);
    expect(() => detectVendor(FORTIGATE, 'configs/aus-fgt01.conf')).toThrow(
      'configs/aus-fgt01.conf: cannot tell which firewall this file is from (closest: Cisco ASA / FTD (LINA), 0% sure); give the vendor explicitly (one of: cisco-asa)',
    );
  });
});
