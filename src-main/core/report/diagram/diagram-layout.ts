import type { DiagramEdge, DiagramNode, PortUsageGraph } from '../model/report-model';

export interface Point {
  x: number;
  y: number;
}

export interface PlacedBox {
  key: string;
  node: DiagramNode;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEdge {
  edge: DiagramEdge;
  from: Point;
  to: Point;
}

export interface DiagramLayout {
  columns: { title: string; x: number; width: number }[];
  boxes: PlacedBox[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

export type DiagramView = 'internal' | 'boundary';

interface ColumnPlan {
  title: string;
  keys: string[];
}

const BOX_WIDTH = 150;
const SLOT = 9;
const GAP = 9;
const SWEEPS = 6;

/**
 * A deterministic left-to-right layout: boxes in columns, every arrow leaving a box on one side
 * and entering the next column's box on the other, each arrow at its own slot so that its row
 * number can sit beside it. Boxes are ordered by a few barycentre sweeps (each box moves
 * towards the boxes it connects to), ties broken by matrix order, so one matrix and one audit
 * always draw the same picture. The layout is in natural units; the caller scales it to fit.
 */
export function layoutDiagram(graph: PortUsageGraph, view: DiagramView, width: number, labelHeight: (node: DiagramNode, width: number) => number): DiagramLayout {
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  const edges = view === 'internal' ? graph.internal : graph.boundary;
  const columns = view === 'internal' ? internalColumns(edges) : boundaryColumns(edges, nodes);
  // Internal flows draw a component once on each side; elsewhere every node has one column.
  const keyOf = (edge: DiagramEdge, end: 'from' | 'to') => {
    if (view === 'internal') return `${columns[end === 'from' ? 0 : 1]!.title}|${edge[end]}`;
    const plan = columns.find((candidate) => candidate.keys.includes(`${candidate.title}|${edge[end]}`))!;
    return `${plan.title}|${edge[end]}`;
  };
  const links = edges.map((edge) => ({ edge, from: keyOf(edge, 'from'), to: keyOf(edge, 'to') }));
  orderByBarycentre(columns, links);

  const columnX = columns.map((_, index) => (columns.length === 1 ? 0 : (index * (width - BOX_WIDTH)) / (columns.length - 1)));
  const columnOf = new Map(columns.flatMap((plan, index) => plan.keys.map((key) => [key, index] as const)));
  const sideCounts = new Map<string, { left: number; right: number }>();
  const side = (key: string, towards: string) => ((columnOf.get(towards) ?? 0) > (columnOf.get(key) ?? 0) ? 'right' : 'left');
  for (const link of links) {
    for (const [key, other] of [[link.from, link.to], [link.to, link.from]] as const) {
      const counts = sideCounts.get(key) ?? { left: 0, right: 0 };
      counts[side(key, other)] += 1;
      sideCounts.set(key, counts);
    }
  }

  const boxes = new Map<string, PlacedBox>();
  const heights = columns.map((plan, index) =>
    plan.keys.reduce((sum, key) => {
      const counts = sideCounts.get(key) ?? { left: 0, right: 0 };
      const node = nodes.get(key.slice(key.indexOf('|') + 1))!;
      const height = Math.max(labelHeight(node, BOX_WIDTH - 8) + 8, Math.max(counts.left, counts.right) * SLOT + 6);
      boxes.set(key, { key, node, x: columnX[index]!, y: 0, width: BOX_WIDTH, height });
      return sum + height + GAP;
    }, -GAP),
  );
  const height = Math.max(...heights, 0);
  columns.forEach((plan, index) => {
    let y = (height - heights[index]!) / 2;
    for (const key of plan.keys) {
      const box = boxes.get(key)!;
      box.y = y;
      y += box.height + GAP;
    }
  });

  return {
    columns: columns.map((plan, index) => ({ title: plan.title, x: columnX[index]!, width: BOX_WIDTH })),
    boxes: [...boxes.values()],
    edges: placeEdges(links, boxes, side),
    width,
    height,
  };
}

/** WFOS components that open flows on the left, the components they reach on the right. */
function internalColumns(edges: readonly DiagramEdge[]): ColumnPlan[] {
  const unique = (ids: string[]) => [...new Set(ids)];
  return [
    { title: 'Opens the connection', keys: unique(edges.map((edge) => edge.from)).map((id) => `Opens the connection|${id}`) },
    { title: 'Accepts it', keys: unique(edges.map((edge) => edge.to)).map((id) => `Accepts it|${id}`) },
  ];
}

/** Clients and systems that reach WFOS, WFOS itself, the systems WFOS reaches. */
function boundaryColumns(edges: readonly DiagramEdge[], nodes: ReadonlyMap<string, DiagramNode>): ColumnPlan[] {
  const isWfos = (id: string) => ['component', 'group'].includes(nodes.get(id)?.kind ?? 'external');
  const targets = new Set(edges.map((edge) => edge.to));
  const ids = [...new Set(edges.flatMap((edge) => [edge.from, edge.to]))];
  const plans: ColumnPlan[] = [
    { title: 'Clients and systems that reach WFOS', keys: [] },
    { title: 'WFOS components', keys: [] },
    { title: 'Systems WFOS reaches', keys: [] },
  ];
  for (const id of ids) {
    const index = isWfos(id) ? 1 : targets.has(id) ? 2 : 0;
    plans[index]!.keys.push(`${plans[index]!.title}|${id}`);
  }
  return plans.filter((plan) => plan.keys.length > 0);
}

/** Reorders each column by the mean position of its neighbours, sweeping right then left. */
function orderByBarycentre(columns: ColumnPlan[], links: readonly { from: string; to: string }[]): void {
  const original = new Map(columns.flatMap((plan) => plan.keys.map((key, index) => [key, index] as const)));
  const neighbours = new Map<string, string[]>();
  for (const { from, to } of links) {
    neighbours.set(from, [...(neighbours.get(from) ?? []), to]);
    neighbours.set(to, [...(neighbours.get(to) ?? []), from]);
  }
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const position = new Map(columns.flatMap((plan) => plan.keys.map((key, index) => [key, index / Math.max(1, plan.keys.length - 1)] as const)));
    const order = sweep % 2 === 0 ? columns : [...columns].reverse();
    for (const plan of order) {
      const centre = (key: string) => {
        const around = (neighbours.get(key) ?? []).map((other) => position.get(other) ?? 0.5);
        return around.length === 0 ? position.get(key)! : around.reduce((sum, value) => sum + value, 0) / around.length;
      };
      const centres = new Map(plan.keys.map((key) => [key, centre(key)]));
      plan.keys.sort((a, b) => centres.get(a)! - centres.get(b)! || original.get(a)! - original.get(b)!);
      plan.keys.forEach((key, index) => position.set(key, index / Math.max(1, plan.keys.length - 1)));
    }
  }
}

/** Each end of each arrow at its own slot on its box's side, slots ordered by where the other end is. */
function placeEdges(
  links: readonly { edge: DiagramEdge; from: string; to: string }[],
  boxes: ReadonlyMap<string, PlacedBox>,
  side: (key: string, towards: string) => 'left' | 'right',
): PlacedEdge[] {
  const centreY = (key: string) => boxes.get(key)!.y + boxes.get(key)!.height / 2;
  const slots = new Map<string, { link: (typeof links)[number]; other: string }[]>();
  for (const link of links) {
    for (const [key, other] of [[link.from, link.to], [link.to, link.from]] as const) {
      const slotKey = `${key}>${side(key, other)}`;
      slots.set(slotKey, [...(slots.get(slotKey) ?? []), { link, other }]);
    }
  }
  const pointOf = (key: string, other: string, link: (typeof links)[number]): Point => {
    const box = boxes.get(key)!;
    const where = side(key, other);
    const list = [...slots.get(`${key}>${where}`)!].sort((a, b) => centreY(a.other) - centreY(b.other) || a.link.edge.row - b.link.edge.row);
    const index = list.findIndex((item) => item.link === link);
    const step = box.height / (list.length + 1);
    return { x: where === 'right' ? box.x + box.width : box.x, y: box.y + step * (index + 1) };
  };
  return links.map((link) => ({ edge: link.edge, from: pointOf(link.from, link.to, link), to: pointOf(link.to, link.from, link) }));
}
