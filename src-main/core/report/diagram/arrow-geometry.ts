import type { PlacedEdge, Point } from './diagram-layout';

const HEAD = 4.2;
const MIN_BEND = 20;
const TAG_GAP = 3;

export interface ArrowGeometry {
  /** A cubic Bézier from the opening box's side to the base of the head. */
  start: Point;
  control1: Point;
  control2: Point;
  end: Point;
  /** The arrowhead's tip and its two back corners. */
  head: [Point, Point, Point];
}

/**
 * An arrow as both renderers draw it: a curve that leaves and enters its boxes horizontally,
 * bending halfway (never less than MIN_BEND, so short arrows still curve), and a head that
 * ends exactly on the accepting box's side.
 */
export function arrowGeometry({ from, to }: Pick<PlacedEdge, 'from' | 'to'>): ArrowGeometry {
  const direction = to.x >= from.x ? 1 : -1;
  const end = { x: to.x - direction * HEAD, y: to.y };
  const bend = Math.max(MIN_BEND, Math.abs(end.x - from.x) / 2);
  return {
    start: from,
    control1: { x: from.x + direction * bend, y: from.y },
    control2: { x: end.x - direction * bend, y: end.y },
    end,
    head: [to, { x: end.x, y: to.y - HEAD / 1.6 }, { x: end.x, y: to.y + HEAD / 1.6 }],
  };
}

/** The row number's tag beside the arrow's start, on the side the arrow leaves towards. */
export function rowTagBox({ from, to }: Pick<PlacedEdge, 'from' | 'to'>, textWidth: number, height: number): { x: number; y: number; width: number; height: number } {
  const width = textWidth + 3;
  return { x: to.x >= from.x ? from.x + TAG_GAP : from.x - TAG_GAP - width, y: from.y - height / 2, width, height };
}

/** The arrow as an SVG path: the curve alone, the head drawn as its own polygon. */
export function arrowPathData(geometry: ArrowGeometry): string {
  const { start, control1, control2, end } = geometry;
  const at = (point: Point) => `${round(point.x)} ${round(point.y)}`;
  return `M ${at(start)} C ${at(control1)}, ${at(control2)}, ${at(end)}`;
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
