import { FLOW_STATUSES, type FlowStatus } from '../../engine/audit-result';
import type { DiagramEdge, DiagramNode, PortUsageGraph } from '../model/report-model';
import { STATUS_COLOURS } from '../palette';
import type { DiagramView } from './diagram-layout';

/**
 * How the port-usage diagram looks, whatever draws it (pdfkit for the PDF, SVG in the app):
 * one table of strokes, boxes, sizes and words, so the two pictures cannot drift apart.
 */

/** Line pattern per status, so the picture still reads in black and white. */
export const FLOW_STROKES: Record<FlowStatus, { width: number; dash?: [number, number] }> = {
  allowed: { width: 0.9 },
  partial: { width: 1.3, dash: [4, 1.6] },
  blocked: { width: 1.6 },
  'not-applicable': { width: 0.6, dash: [1.8, 1.8] },
  unknown: { width: 1.1, dash: [0.8, 1.4] },
};

/** Drawn last, so the arrows that need attention lie on top. */
export const FLOW_DRAW_ORDER: readonly FlowStatus[] = ['not-applicable', 'allowed', 'unknown', 'partial', 'blocked'];

export const BOX_STYLES: Record<DiagramNode['kind'], { fill: string; stroke: string }> = {
  component: { fill: '#e6eefa', stroke: '#3f6aa1' },
  group: { fill: '#eef3fb', stroke: '#3f6aa1' },
  external: { fill: '#f4f4f4', stroke: '#6b6b6b' },
  client: { fill: '#fff6dc', stroke: '#a9861c' },
};
/** A role the site does not deploy: drawn faint and dashed. */
export const ABSENT_BOX = { fill: '#fbfbfb', stroke: '#a0a0a0', text: '#8a8a8a' };
export const BOX_DASH: [number, number] = [3, 2];
export const BOX_RADIUS = 3;
export const NAME_COLOUR = '#1a1a1a';

/** Type sizes in the layout's units (points on the PDF page before any scaling). */
export const DIAGRAM_TEXT = { name: 7.5, address: 6.3, row: 5.6 } as const;

export function boxStyle(node: DiagramNode): { fill: string; stroke: string; lineWidth: number; dashed: boolean } {
  const style = node.deployed ? BOX_STYLES[node.kind] : ABSENT_BOX;
  return { fill: style.fill, stroke: style.stroke, lineWidth: node.deployed ? 0.9 : 0.6, dashed: node.kind === 'group' || !node.deployed };
}

export function flowStroke(status: FlowStatus): { colour: string; width: number; dash?: [number, number] } {
  return { colour: STATUS_COLOURS[status], ...FLOW_STROKES[status] };
}

/** What a box says: the role, its addresses at this site, and that it is not deployed here. */
export function boxLabel(node: DiagramNode): { text: string; part: 'name' | 'address' }[] {
  return [
    { text: node.label, part: 'name' },
    ...(node.addresses ? [{ text: node.addresses, part: 'address' as const }] : []),
    ...(!node.deployed ? [{ text: 'not deployed here', part: 'address' as const }] : []),
  ];
}

export const DIAGRAM_VIEWS: readonly { view: DiagramView; title: string; intro: string }[] = [
  {
    view: 'boundary',
    title: 'Flows across the WFOS boundary',
    intro: 'Clients and external systems on the left open connections to WFOS components; the components open connections to the systems on the right.',
  },
  {
    view: 'internal',
    title: 'Flows between WFOS components',
    intro: 'Each component that opens a connection is on the left, the component that accepts it on the right; a component can appear on both sides.',
  },
];

export const ARROW_NOTE = "Arrow numbers are matrix rows; the coverage table gives each row's ports and the rules that decide it.";

export function edgesOf(graph: PortUsageGraph, view: DiagramView): DiagramEdge[] {
  return view === 'internal' ? graph.internal : graph.boundary;
}

/** The legend's first line: every status with its pattern and how many arrows of the view have it. */
export function statusLegend(edges: readonly DiagramEdge[]): { status: FlowStatus; label: string }[] {
  return FLOW_STATUSES.map((status) => ({ status, label: `${status} (${edges.filter((edge) => edge.status === status).length})` }));
}

/** The legend's second line: the kinds of box. */
export const BOX_LEGEND: readonly { kind: DiagramNode['kind'] | 'absent'; label: string }[] = [
  { kind: 'component', label: 'WFOS component' },
  { kind: 'group', label: 'all WFOS components' },
  { kind: 'client', label: 'client' },
  { kind: 'external', label: 'external system' },
  { kind: 'absent', label: 'role not deployed here' },
];

export function legendBoxStyle(kind: DiagramNode['kind'] | 'absent'): { fill: string; stroke: string; dashed: boolean } {
  const style = kind === 'absent' ? ABSENT_BOX : BOX_STYLES[kind];
  return { fill: style.fill, stroke: style.stroke, dashed: kind === 'absent' || kind === 'group' };
}
