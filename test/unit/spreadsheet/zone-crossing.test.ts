import { describe, expect, it } from 'vitest';
import { evaluateCrossing } from '../../../src-main/core/engine/index';
import { AddressSet, FlowSpace, PortSet, ProtocolSet, TCP } from '../../../src-main/core/net/index';
import { importRuleSpreadsheet } from '../../../src-main/core/spreadsheet/index';
import { csvText } from '../../fixtures/spreadsheets/workbook-builder';

/** A zone-based export: the same service, written for different zone pairs. */
const zoned = importRuleSpreadsheet(
  Buffer.from(
    csvText([
      ['Name', 'From', 'To', 'Source', 'Destination', 'Service', 'Action'],
      ['dmz-block', 'dmz', 'servers', 'any', 'any', 'tcp/443', 'deny'],
      ['agents-web', 'Agents; vpn', 'SERVERS', 'any', 'any', 'tcp/443', 'allow'],
      ['cleanup', 'any', 'any', 'any', 'any', 'any', 'deny'],
    ]),
  ),
  'zones.csv',
).firewall;

const plain = importRuleSpreadsheet(Buffer.from(csvText([['Source', 'Destination', 'Service', 'Action'], ['any', 'any', 'tcp/443', 'allow']])), 'plain.csv').firewall;

const web = FlowSpace.of({ sources: AddressSet.parse('10.30.0.5'), destinations: AddressSet.parse('10.10.20.12'), protocols: ProtocolSet.of(TCP), sourcePorts: PortSet.all(), destinationPorts: PortSet.of(443) });
const decidedBy = (outcome: ReturnType<typeof evaluateCrossing>) => outcome.decisions.map((decision) => (decision.decider.kind === 'rule' ? (decision.decider.rule.name ?? decision.decider.rule.id) : decision.decider.id));

describe('rules written for zones', () => {
  it('apply only to flows entering and leaving by their zones, compared without case', () => {
    const outcome = evaluateCrossing(zoned, 'agents', 'servers', web);
    expect(decidedBy(outcome)).toEqual(['agents-web']);
    expect(outcome.permitted.equals(web)).toBe(true);
  });

  it('are skipped for other zones, falling to the next rule that applies', () => {
    expect(decidedBy(evaluateCrossing(zoned, 'guest', 'servers', web))).toEqual(['cleanup']);
    expect(decidedBy(evaluateCrossing(zoned, 'agents', 'dmz', web))).toEqual(['cleanup']);
    expect(decidedBy(evaluateCrossing(zoned, 'dmz', 'servers', web))).toEqual(['dmz-block']);
  });

  it('might apply where the zone is not known (a source with no topology): what they match is unknown', () => {
    const outcome = evaluateCrossing(zoned, undefined, undefined, web);
    expect(decidedBy(outcome)).toEqual([]);
    expect(outcome.unknown.equals(web)).toBe(true);
    expect(outcome.unknownReasons).toEqual([expect.stringMatching(/^zones#1 \(zones row 2\): the rule is written for zones \(from dmz to servers\)/)]);
  });

  it('name the side whose zone is not known, each side its own stand-in', () => {
    const egressUnknown = evaluateCrossing(zoned, 'agents', undefined, web);
    expect(egressUnknown.unknown.equals(web)).toBe(true);
    expect(egressUnknown.unknownReasons).toEqual([expect.stringContaining('zones#2 (zones row 3): the rule is written for zones (to SERVERS)')]);
    const single = importRuleSpreadsheet(Buffer.from(csvText([['From', 'To', 'Source', 'Destination', 'Service', 'Action'], ['agents', 'servers', 'any', 'any', 'tcp/443', 'allow']])), 'one.csv').firewall;
    expect(evaluateCrossing(single, 'agents', undefined, web).unknownReasons).toEqual([expect.stringContaining('(to servers)')]);
    expect(evaluateCrossing(single, undefined, undefined, web).unknownReasons).toEqual([expect.stringContaining('(from agents to servers)')]);
    expect(evaluateCrossing(single, undefined, 'servers', web).unknownReasons).toEqual([expect.stringContaining('(from agents)')]);
  });

  it('leave lists without zones evaluated as before', () => {
    expect(decidedBy(evaluateCrossing(plain, 'agents', 'servers', web))).toEqual(['plain#1']);
    expect(evaluateCrossing(plain, 'agents', 'servers', web).permitted.equals(web)).toBe(true);
  });
});
