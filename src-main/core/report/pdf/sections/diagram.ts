import { FLOW_STATUSES, type FlowStatus } from '../../../engine/audit-result';
import type { DiagramNode, ReportModel } from '../../model/report-model';
import { STYLES, type ReportCanvas } from '../canvas';
import { layoutDiagram, type DiagramLayout, type DiagramView, type PlacedEdge } from '../diagram-layout';
import { MUTED, STATUS_COLOURS } from '../palette';
import type { TextStyle } from '../typesetter';

const NAME_STYLE: TextStyle = { face: 'bold', size: 7.5, color: '#1a1a1a' };
const ADDRESS_STYLE: TextStyle = { face: 'sans', size: 6.3, color: MUTED };
const ROW_STYLE: TextStyle = { face: 'bold', size: 5.6, color: '#1a1a1a' };
const LEGEND_HEIGHT = 44;

/** Line pattern per status, so the picture still reads in black and white. */
const STROKES: Record<FlowStatus, { width: number; dash?: [number, number] }> = {
  allowed: { width: 0.9 },
  partial: { width: 1.3, dash: [4, 1.6] },
  blocked: { width: 1.6 },
  'not-applicable': { width: 0.6, dash: [1.8, 1.8] },
  unknown: { width: 1.1, dash: [0.8, 1.4] },
};
/** Drawn last, so the arrows that need attention lie on top. */
const DRAW_ORDER: readonly FlowStatus[] = ['not-applicable', 'allowed', 'unknown', 'partial', 'blocked'];

const BOX_STYLES: Record<DiagramNode['kind'], { fill: string; stroke: string }> = {
  component: { fill: '#e6eefa', stroke: '#3f6aa1' },
  group: { fill: '#eef3fb', stroke: '#3f6aa1' },
  external: { fill: '#f4f4f4', stroke: '#6b6b6b' },
  client: { fill: '#fff6dc', stroke: '#a9861c' },
};

const VIEWS: readonly { view: DiagramView; title: string; intro: string }[] = [
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

/**
 * The port-usage diagram, one landscape page per view: every matrix row an arrow from the
 * role that opens the connection to the role that accepts it, coloured and patterned by the
 * audit's verdict for the row, labelled with the row number the coverage table lists.
 */
export function drawDiagramSection(canvas: ReportCanvas, model: ReportModel): void {
  VIEWS.forEach(({ view, title, intro }, index) => {
    canvas.newPage('landscape');
    if (index === 0) canvas.heading('Port-usage diagram', 1, 300);
    canvas.heading(title, 2, 300);
    canvas.paragraph(`${intro} Arrow numbers are matrix rows; the coverage table gives each row's ports and the rules that decide it.`, STYLES.small);
    const edges = view === 'internal' ? model.diagram.internal : model.diagram.boundary;
    if (edges.length === 0) {
      canvas.paragraph('The matrix has no flows of this kind.');
      return;
    }
    const layout = layoutDiagram(model.diagram, view, canvas.width, (node, width) => labelLines(canvas, node, width).height);
    drawLayout(canvas, layout);
    drawLegend(canvas, edges.map((edge) => edge.status));
  });
}

function drawLayout(canvas: ReportCanvas, layout: DiagramLayout): void {
  const { doc } = canvas;
  const titleHeight = 11;
  const available = canvas.bottom - LEGEND_HEIGHT - canvas.y - 2 * titleHeight;
  const scale = Math.min(1, available / Math.max(layout.height, 1));
  const originX = canvas.left + (canvas.width - layout.width * scale) / 2;
  const titleStyle = { ...STYLES.smallBold, color: MUTED };
  const titles = layout.columns.map((column) => ({ column, lines: canvas.type.lines(column.title, titleStyle, column.width * scale) }));
  for (const { column, lines } of titles) {
    lines.forEach((line, index) => canvas.type.draw(line, originX + column.x * scale, canvas.y + index * canvas.type.lineHeight(titleStyle), titleStyle));
  }
  const originY = canvas.y + titleHeight * Math.max(...titles.map((title) => title.lines.length));
  doc.save();
  doc.translate(originX, originY).scale(scale);
  for (const status of DRAW_ORDER) for (const edge of layout.edges.filter((item) => item.edge.status === status)) drawArrow(doc, edge);
  for (const box of layout.boxes) {
    const style = BOX_STYLES[box.node.kind];
    doc.roundedRect(box.x, box.y, box.width, box.height, 3).lineWidth(box.node.deployed ? 0.9 : 0.6);
    if (box.node.kind === 'group' || !box.node.deployed) doc.dash(3, { space: 2 });
    doc.fillAndStroke(box.node.deployed ? style.fill : '#fbfbfb', box.node.deployed ? style.stroke : '#a0a0a0').undash();
    const { lines } = labelLines(canvas, box.node, box.width - 8);
    let y = box.y + (box.height - lines.reduce((sum, item) => sum + canvas.type.lineHeight(item.style), 0)) / 2;
    for (const { line, style } of lines) {
      canvas.type.draw(line, box.x + 4 + (box.width - 8 - line.width) / 2, y, box.node.deployed ? style : { ...style, color: '#8a8a8a' });
      y += canvas.type.lineHeight(style);
    }
  }
  for (const edge of layout.edges) drawRowNumber(canvas, edge);
  doc.restore();
  canvas.y = originY + layout.height * scale + 10;
}

function labelLines(canvas: ReportCanvas, node: DiagramNode, width: number) {
  const parts: [string, TextStyle][] = [[node.label, NAME_STYLE]];
  if (node.addresses) parts.push([node.addresses, ADDRESS_STYLE]);
  if (!node.deployed) parts.push(['not deployed here', ADDRESS_STYLE]);
  const lines = parts.flatMap(([text, style]) => canvas.type.lines(text, style, width).map((line) => ({ line, style })));
  return { lines, height: lines.reduce((sum, item) => sum + canvas.type.lineHeight(item.style), 0) };
}

function drawArrow(doc: PDFKit.PDFDocument, { edge, from, to }: PlacedEdge): void {
  const colour = STATUS_COLOURS[edge.status];
  const stroke = STROKES[edge.status];
  const direction = to.x >= from.x ? 1 : -1;
  const head = 4.2;
  const end = { x: to.x - direction * head, y: to.y };
  const bend = Math.max(20, Math.abs(end.x - from.x) / 2);
  doc.moveTo(from.x, from.y).bezierCurveTo(from.x + direction * bend, from.y, end.x - direction * bend, end.y, end.x, end.y).lineWidth(stroke.width);
  if (stroke.dash) doc.dash(stroke.dash[0], { space: stroke.dash[1] });
  doc.stroke(colour).undash();
  doc.polygon([to.x, to.y], [end.x, to.y - head / 1.6], [end.x, to.y + head / 1.6]).fill(colour);
}

function drawRowNumber(canvas: ReportCanvas, { edge, from, to }: PlacedEdge): void {
  const text = String(edge.row);
  const width = canvas.type.width(text, ROW_STYLE) + 3;
  const height = canvas.type.lineHeight(ROW_STYLE);
  const x = to.x >= from.x ? from.x + 3 : from.x - 3 - width;
  canvas.doc.rect(x, from.y - height / 2, width, height).lineWidth(0.5).fillAndStroke('#ffffff', STATUS_COLOURS[edge.status]);
  canvas.type.draw(canvas.type.lines(text, ROW_STYLE, 100)[0]!, x + 1.5, from.y - height / 2 + 0.6, ROW_STYLE);
}

function drawLegend(canvas: ReportCanvas, statuses: readonly FlowStatus[]): void {
  const { doc } = canvas;
  const top = canvas.bottom - LEGEND_HEIGHT + 8;
  doc.moveTo(canvas.left, top - 6).lineTo(canvas.left + canvas.width, top - 6).lineWidth(0.4).stroke('#c8ccd0');
  let x = canvas.left;
  canvas.type.draw(canvas.type.lines('Flow status:', STYLES.smallBold, 100)[0]!, x, top, STYLES.smallBold);
  x += 62;
  for (const status of FLOW_STATUSES) {
    const stroke = STROKES[status];
    doc.moveTo(x, top + 4.5).lineTo(x + 26, top + 4.5).lineWidth(stroke.width);
    if (stroke.dash) doc.dash(stroke.dash[0], { space: stroke.dash[1] });
    doc.stroke(STATUS_COLOURS[status]).undash();
    const label = `${status} (${statuses.filter((item) => item === status).length})`;
    canvas.type.draw(canvas.type.lines(label, STYLES.small, 200)[0]!, x + 30, top, STYLES.small);
    x += 40 + canvas.type.width(label, STYLES.small);
  }
  x = canvas.left;
  const second = top + 16;
  canvas.type.draw(canvas.type.lines('Boxes:', STYLES.smallBold, 100)[0]!, x, second, STYLES.smallBold);
  x += 62;
  const kinds: [DiagramNode['kind'] | 'absent', string][] = [['component', 'WFOS component'], ['group', 'all WFOS components'], ['client', 'client'], ['external', 'external system'], ['absent', 'role not deployed here']];
  for (const [kind, label] of kinds) {
    const style = kind === 'absent' ? { fill: '#fbfbfb', stroke: '#a0a0a0' } : BOX_STYLES[kind];
    doc.roundedRect(x, second, 22, 9, 2).lineWidth(0.7);
    if (kind === 'absent' || kind === 'group') doc.dash(3, { space: 2 });
    doc.fillAndStroke(style.fill, style.stroke).undash();
    canvas.type.draw(canvas.type.lines(label, STYLES.small, 200)[0]!, x + 26, second, STYLES.small);
    x += 36 + canvas.type.width(label, STYLES.small);
  }
}
