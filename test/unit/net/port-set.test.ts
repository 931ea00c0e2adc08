import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PortParseError, PortSet } from '../../../src-main/core/net/index';

const RUNS = { numRuns: 1500 };

/** Both ends of the port line, where off-by-one mistakes live: 0..15 and 65520..65535. */
const EDGE_PORTS = [...Array.from({ length: 16 }, (_, i) => i), ...Array.from({ length: 16 }, (_, i) => 65520 + i)];

const modelled = fc.subarray(EDGE_PORTS).map((ports) => ({
  set: PortSet.fromRanges(ports.map((port) => [port, port] as const)),
  members: new Set(ports),
}));

function expectMatchesModel(set: PortSet, members: ReadonlySet<number>): void {
  expect({
    present: EDGE_PORTS.filter((port) => set.has(port)),
    size: set.size(),
  }).toEqual({ present: EDGE_PORTS.filter((port) => members.has(port)), size: members.size });
}

describe('PortSet.parse', () => {
  it.each([
    ['443', '443'],
    ['1050-1065', '1050-1065'],
    ['450,1050-1065,4721-4722', '450,1050-1065,4721-4722'],
    ['80 443', '80,443'],
    ['  80 ,  443\t8080-8081 ', '80,443,8080-8081'],
    ['4722,450,4721,1050-1060,1055-1065', '450,1050-1065,4721-4722'],
    ['0', '0'],
    ['65535', '65535'],
    ['0-65535', '0-65535'],
    ['7-7', '7'],
    ['none', 'none'],
  ])('reads %j as %s', (text, printed) => {
    expect(PortSet.parse(text).toString()).toBe(printed);
  });

  it.each([
    ['4435-', '"4435-" is not a port or range'],
    ['-1', '"-1" is not a port or range'],
    ['http', '"http" is not a port or range'],
    ['80 - 90', '"-" is not a port or range'],
    ['1.5', '"1.5" is not a port or range'],
    ['65536', '"65536" is outside the port range 0-65535'],
    ['1-70000', '"1-70000" is outside the port range 0-65535'],
    ['1065-1050', '"1065-1050" is a reversed range'],
    ['80,,443', 'empty item in port list "80,,443"'],
    ['80,', 'empty item in port list "80,"'],
    ['', 'no ports given'],
    ['  ', 'no ports given'],
  ])('rejects %j', (text, message) => {
    expect(() => PortSet.parse(text)).toThrow(new PortParseError(message));
  });

  it('throws a PortParseError', () => {
    expect(() => PortSet.parse('x')).toThrow(PortParseError);
  });
});

describe('PortSet', () => {
  it('prints the edges', () => {
    expect(PortSet.empty().toString()).toBe('none');
    expect(PortSet.all().toString()).toBe('0-65535');
    expect(PortSet.of(0).toString()).toBe('0');
    expect(PortSet.of(65535).toString()).toBe('65535');
    expect(PortSet.all().subtract(PortSet.of(0)).toString()).toBe('1-65535');
    expect(PortSet.all().subtract(PortSet.of(65535)).toString()).toBe('0-65534');
  });

  it('knows when it is everything', () => {
    expect(PortSet.all().isAll()).toBe(true);
    expect(PortSet.of(0, 65535).isAll()).toBe(true);
    expect(PortSet.of(0, 1000).union(PortSet.of(1001, 65535)).isAll()).toBe(true);
    expect(PortSet.of(1, 65535).isAll()).toBe(false);
    expect(PortSet.all().size()).toBe(65536);
  });

  it('lists merged ranges', () => {
    expect(PortSet.fromRanges([[10, 20], [21, 30], [5, 5]]).ranges()).toEqual([
      [5, 5],
      [10, 30],
    ]);
  });

  it('answers the relations', () => {
    const web = PortSet.parse('80,443');
    expect(PortSet.of(443).isSubsetOf(web)).toBe(true);
    expect(web.isSubsetOf(PortSet.of(443))).toBe(false);
    expect(web.overlaps(PortSet.of(81, 442))).toBe(false);
    expect(web.overlaps(PortSet.of(81, 443))).toBe(true);
    expect(web.equals(PortSet.parse('443 80'))).toBe(true);
    expect(web.has(80)).toBe(true);
    expect(web.has(81)).toBe(false);
  });

  it('rejects programmatic values outside 0-65535', () => {
    expect(() => PortSet.of(65536)).toThrow('port 65536 is not an integer in 0-65535');
    expect(() => PortSet.of(-1)).toThrow(RangeError);
    expect(() => PortSet.of(1.5)).toThrow(RangeError);
    expect(() => PortSet.of(9, 8)).toThrow('port range 9-8 is reversed');
  });
});

describe('PortSet against a plain set of edge ports', () => {
  it('union, intersect and subtract match the model', () => {
    fc.assert(
      fc.property(modelled, modelled, (a, b) => {
        expectMatchesModel(a.set.union(b.set), new Set([...a.members, ...b.members]));
        expectMatchesModel(a.set.intersect(b.set), new Set([...a.members].filter((p) => b.members.has(p))));
        expectMatchesModel(a.set.subtract(b.set), new Set([...a.members].filter((p) => !b.members.has(p))));
      }),
      RUNS,
    );
  });

  it('relations match the model', () => {
    fc.assert(
      fc.property(modelled, modelled, (a, b) => {
        const subset = [...a.members].every((p) => b.members.has(p));
        expect({
          subset: a.set.isSubsetOf(b.set),
          equal: a.set.equals(b.set),
          overlap: a.set.overlaps(b.set),
          empty: a.set.isEmpty(),
        }).toEqual({
          subset,
          equal: subset && a.members.size === b.members.size,
          overlap: [...a.members].some((p) => b.members.has(p)),
          empty: a.members.size === 0,
        });
      }),
      RUNS,
    );
  });
});

describe('PortSet text round trip', () => {
  const anyRanges = fc.array(
    fc.tuple(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 0, max: 65535 })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const),
    { maxLength: 8 },
  );

  it('parse(toString()) gives the same set', () => {
    fc.assert(
      fc.property(anyRanges, (ranges) => {
        const set = PortSet.fromRanges(ranges);
        expect(PortSet.parse(set.toString()).equals(set)).toBe(true);
      }),
      RUNS,
    );
  });

  it('toString() of a parsed list is canonical', () => {
    fc.assert(
      fc.property(anyRanges, fc.constantFrom(',', ' ', ' , '), (ranges, separator) => {
        const text = ranges.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(separator);
        const set = PortSet.fromRanges(ranges);
        if (ranges.length === 0) expect(() => PortSet.parse(text)).toThrow(PortParseError);
        else expect(PortSet.parse(text).toString()).toBe(set.toString());
      }),
      RUNS,
    );
  });
});
