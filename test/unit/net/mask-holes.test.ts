import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AddressSet } from '../../../src-main/core/net/index';
import { MOST_MASK_RANGES } from '../../../src-main/core/net/discontiguous-mask';

const dotted = (value: number) => [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');

describe('addresses with a mask whose one bits have holes', () => {
  it('reads the ranges a Cisco device means', () => {
    const set = AddressSet.withMaskHoles('10.0.0.128', '255.255.0.192');
    expect(set).toBeInstanceOf(AddressSet);
    expect((set as AddressSet).size().v4).toBe(256n * 64n);
    expect((set as AddressSet).contains('10.0.9.130')).toBe(true);
    expect((set as AddressSet).contains('10.0.9.127')).toBe(false);
    expect((set as AddressSet).contains('10.1.9.130')).toBe(false);
    expect(AddressSet.withMaskHoles('10.1.0.1', '255.255.0.255')!.toString()).toBe(
      Array.from({ length: 256 }, (_, third) => `10.1.${third}.1`).join(','),
    );
  });

  it('leaves contiguous masks and other notations to the usual reader, and refuses to expand too many ranges', () => {
    expect(AddressSet.withMaskHoles('10.0.0.0', '255.255.255.0')).toBeUndefined();
    expect(AddressSet.withMaskHoles('10.0.0.0', '/24')).toBeUndefined();
    expect(AddressSet.withMaskHoles('010.0.0.1', '255.0.0.255')).toBeUndefined();
    expect(AddressSet.withMaskHoles('10.0.0.1', '255.0.0.255')).toEqual({ tooMany: 65_536 });
    expect(65_536).toBeGreaterThan(MOST_MASK_RANGES);
  });

  it('holds exactly the addresses that agree with the address on every one bit of the mask', () => {
    // Masks with at most 10 holes above their lowest one bit, so the set is always built.
    const maskWithHoles = fc
      .tuple(fc.integer({ min: 0, max: 31 }), fc.uniqueArray(fc.integer({ min: 1, max: 31 }), { minLength: 1, maxLength: 10 }))
      .map(([lowest, holes]) => {
        let mask = 0;
        for (let bit = lowest; bit < 32; bit++) if (!holes.includes(bit - lowest) || bit === lowest) mask = (mask | (1 << bit)) >>> 0;
        return mask >>> 0;
      })
      .filter((mask) => ((~mask >>> 0) & ((~mask >>> 0) + 1)) !== 0);
    fc.assert(
      fc.property(maskWithHoles, fc.integer({ min: 0, max: 0xffffffff }), fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 20 }), (mask, base, probes) => {
        const set = AddressSet.withMaskHoles(dotted(base), dotted(mask));
        if (!(set instanceof AddressSet)) return false;
        // Probe the addresses given, and each probe forced to agree with the base on the mask.
        for (const probe of probes.flatMap((value) => [value >>> 0, ((value & ~mask) | (base & mask)) >>> 0])) {
          if (set.contains(dotted(probe)) !== ((probe & mask) >>> 0 === (base & mask) >>> 0)) return false;
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });
});
