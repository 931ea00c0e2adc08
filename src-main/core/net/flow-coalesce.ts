import type { AddressSet } from './address-set';
import { DIMENSIONS, field, withField, type Dimension, type FlowBox } from './flow-box';

/** Canonical text of each field, cached per set object because the same sets recur in many boxes. */
const setKeys = new WeakMap<object, string>();
const boxKeys = new WeakMap<FlowBox, readonly string[]>();

function fieldKeys(box: FlowBox): readonly string[] {
  let keys = boxKeys.get(box);
  if (keys === undefined) {
    keys = DIMENSIONS.map((dimension) => setKey(box, dimension));
    boxKeys.set(box, keys);
  }
  return keys;
}

function setKey(box: FlowBox, dimension: Dimension): string {
  const set = box[dimension];
  let key = setKeys.get(set);
  if (key === undefined) {
    key = dimension === 'sources' || dimension === 'destinations' ? addressKey(set as AddressSet) : set.toString();
    setKeys.set(set, key);
  }
  return key;
}

/** Raw interval text: far cheaper than formatting addresses, and just as canonical. */
function addressKey(set: AddressSet): string {
  return `${set.v4().toString()}|${set.v6().toString()}`;
}

/**
 * Merges disjoint boxes that agree in all but one dimension, until no such pair is left.
 * Merging keeps the boxes disjoint: the merged box is exactly the union of its parts.
 */
export function coalesceBoxes(boxes: readonly FlowBox[]): readonly FlowBox[] {
  let current = boxes;
  let index = 0;
  let quietDimensions = 0;
  while (current.length > 1 && quietDimensions < DIMENSIONS.length) {
    const dimension = DIMENSIONS[index]!;
    const merged = mergeAlong(current, dimension);
    // After a merge along a dimension no two boxes agree on the other four, so it counts as quiet.
    quietDimensions = merged === current ? quietDimensions + 1 : 1;
    current = merged;
    index = (index + 1) % DIMENSIONS.length;
  }
  return current;
}

function mergeAlong(boxes: readonly FlowBox[], dimension: Dimension): readonly FlowBox[] {
  const groups = new Map<string, FlowBox[]>();
  const skipped = DIMENSIONS.indexOf(dimension);
  for (const box of boxes) {
    const keys = fieldKeys(box);
    let key = '';
    for (let d = 0; d < keys.length; d++) if (d !== skipped) key += `${keys[d]}\n`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [box]);
    else group.push(box);
  }
  if (groups.size === boxes.length) return boxes;
  return [...groups.values()].map((group) =>
    group.reduce((merged, box) => withField(merged, dimension, field(merged, dimension).union(field(box, dimension)))),
  );
}
