import type { DiagramEdge, DiagramNode, ReportModel } from '../../model/report-model';
import { arrowGeometry, rowTagBox } from '../../diagram/arrow-geometry';
import { layoutDiagram, type DiagramLayout, type PlacedEdge } from '../../diagram/diagram-layout';
import { ABSENT_BOX, ARROW_NOTE, BOX_DASH, BOX_LEGEND, BOX_RADIUS, boxLabel, boxStyle, DIAGRAM_TEXT, DIAGRAM_VIEWS, edgesOf, FLOW_DRAW_ORDER, flowStroke, legendBoxStyle, NAME_COLOUR, statusLegend } from '../../diagram/diagram-style';
import { MUTED } from '../../palette';
import { SECTION_EMPTY, SECTION_TITLES } from '../../text/section-texts';
import { STYLES, type ReportCanvas } from '../canvas';
import type { TextStyle } from '../typesetter';

const LABEL_STYLES: Record<'name' | 'address', TextStyle> = {
  name: { face: 'bold', size: DIAGRAM_TEXT.name, color: NAME_COLOUR },
  address: { face: 'sans', size: DIAGRAM_TEXT.address, color: MUTED },
};
const ROW_STYLE: TextStyle = { face: 'bold', size: DIAGRAM_TEXT.row, color: NAME_COLOUR };
const LEGEND_HEIGHT = 44;

/**
 * The port-usage diagram, one landscape page per view: every matrix row an arrow from the
 * role that opens the connection to the role that accepts it, coloured and patterned by the
 * audit's verdict for the row, labelled with the row number the coverage table lists.
 */
export function drawDiagramSection(canvas: ReportCanvas, model: ReportModel): void {
  DIAGRAM_VIEWS.forEach(({ view, title, intro }, index) => {
    canvas.newPage('landscape');
    if (index === 0) canvas.heading(SECTION_TITLES.diagram, 1, 300);
    canvas.heading(title, 2, 300);
    canvas.paragraph(`${intro} ${ARROW_NOTE}`, STYLES.small);
    const edges = edgesOf(model.diagram, view);
    if (edges.length === 0) {
      canvas.paragraph(SECTION_EMPTY.diagramView);
      return;
    }
    const layout = layoutDiagram(model.diagram, view, canvas.width, (node, width) => labelLines(canvas, node, width).height);
    drawLayout(canvas, layout);
    drawLegend(canvas, edges);
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
  for (const status of FLOW_DRAW_ORDER) for (const edge of layout.edges.filter((item) => item.edge.status === status)) drawArrow(doc, edge);
  for (const box of layout.boxes) {
    const style = boxStyle(box.node);
    doc.roundedRect(box.x, box.y, box.width, box.height, BOX_RADIUS).lineWidth(style.lineWidth);
    if (style.dashed) doc.dash(BOX_DASH[0], { space: BOX_DASH[1] });
    doc.fillAndStroke(style.fill, style.stroke).undash();
    const { lines } = labelLines(canvas, box.node, box.width - 8);
    let y = box.y + (box.height - lines.reduce((sum, item) => sum + canvas.type.lineHeight(item.style), 0)) / 2;
    for (const { line, style: textStyle } of lines) {
      canvas.type.draw(line, box.x + 4 + (box.width - 8 - line.width) / 2, y, box.node.deployed ? textStyle : { ...textStyle, color: ABSENT_BOX.text });
      y += canvas.type.lineHeight(textStyle);
    }
  }
  for (const edge of layout.edges) drawRowNumber(canvas, edge);
  doc.restore();
  canvas.y = originY + layout.height * scale + 10;
}

function labelLines(canvas: ReportCanvas, node: DiagramNode, width: number) {
  const lines = boxLabel(node).flatMap(({ text, part }) => canvas.type.lines(text, LABEL_STYLES[part], width).map((line) => ({ line, style: LABEL_STYLES[part] })));
  return { lines, height: lines.reduce((sum, item) => sum + canvas.type.lineHeight(item.style), 0) };
}

function drawArrow(doc: PDFKit.PDFDocument, placed: PlacedEdge): void {
  const stroke = flowStroke(placed.edge.status);
  const { start, control1, control2, end, head } = arrowGeometry(placed);
  doc.moveTo(start.x, start.y).bezierCurveTo(control1.x, control1.y, control2.x, control2.y, end.x, end.y).lineWidth(stroke.width);
  if (stroke.dash) doc.dash(stroke.dash[0], { space: stroke.dash[1] });
  doc.stroke(stroke.colour).undash();
  doc.polygon(...head.map((point): [number, number] => [point.x, point.y])).fill(stroke.colour);
}

function drawRowNumber(canvas: ReportCanvas, placed: PlacedEdge): void {
  const text = String(placed.edge.row);
  const tag = rowTagBox(placed, canvas.type.width(text, ROW_STYLE), canvas.type.lineHeight(ROW_STYLE));
  canvas.doc.rect(tag.x, tag.y, tag.width, tag.height).lineWidth(0.5).fillAndStroke('#ffffff', flowStroke(placed.edge.status).colour);
  canvas.type.draw(canvas.type.lines(text, ROW_STYLE, 100)[0]!, tag.x + 1.5, tag.y + 0.6, ROW_STYLE);
}

function drawLegend(canvas: ReportCanvas, edges: readonly DiagramEdge[]): void {
  const { doc } = canvas;
  const top = canvas.bottom - LEGEND_HEIGHT + 8;
  doc.moveTo(canvas.left, top - 6).lineTo(canvas.left + canvas.width, top - 6).lineWidth(0.4).stroke('#c8ccd0');
  let x = canvas.left;
  canvas.type.draw(canvas.type.lines('Flow status:', STYLES.smallBold, 100)[0]!, x, top, STYLES.smallBold);
  x += 62;
  for (const { status, label } of statusLegend(edges)) {
    const stroke = flowStroke(status);
    doc.moveTo(x, top + 4.5).lineTo(x + 26, top + 4.5).lineWidth(stroke.width);
    if (stroke.dash) doc.dash(stroke.dash[0], { space: stroke.dash[1] });
    doc.stroke(stroke.colour).undash();
    canvas.type.draw(canvas.type.lines(label, STYLES.small, 200)[0]!, x + 30, top, STYLES.small);
    x += 40 + canvas.type.width(label, STYLES.small);
  }
  x = canvas.left;
  const second = top + 16;
  canvas.type.draw(canvas.type.lines('Boxes:', STYLES.smallBold, 100)[0]!, x, second, STYLES.smallBold);
  x += 62;
  for (const { kind, label } of BOX_LEGEND) {
    const style = legendBoxStyle(kind);
    doc.roundedRect(x, second, 22, 9, 2).lineWidth(0.7);
    if (style.dashed) doc.dash(BOX_DASH[0], { space: BOX_DASH[1] });
    doc.fillAndStroke(style.fill, style.stroke).undash();
    canvas.type.draw(canvas.type.lines(label, STYLES.small, 200)[0]!, x + 26, second, STYLES.small);
    x += 36 + canvas.type.width(label, STYLES.small);
  }
}
