import type { FlowStatus } from '../../src-main/core/engine/audit-result';
import { arrowGeometry, arrowPathData, round, rowTagBox } from '../../src-main/core/report/diagram/arrow-geometry';
import { layoutDiagram, type DiagramView } from '../../src-main/core/report/diagram/diagram-layout';
import { ABSENT_BOX, boxLabel, boxStyle, DIAGRAM_TEXT, FLOW_DRAW_ORDER, flowStroke, NAME_COLOUR } from '../../src-main/core/report/diagram/diagram-style';
import type { DiagramNode, PortUsageGraph } from '../../src-main/core/report/model/report-model';
import { MUTED } from '../../src-main/core/report/palette';

/** The layout's width: the PDF's landscape text width, so both pictures have the same proportions. */
export const DIAGRAM_WIDTH = 742;
const LEADING = 1.3;
const TITLE_SIZE = 7.5;
const TITLE_BAND = 14;
const MARGIN = 4;

export interface SceneText {
  x: number;
  y: number;
  text: string;
  size: number;
  bold: boolean;
  colour: string;
}

export interface SceneFlow {
  row: number;
  status: FlowStatus;
  from: string;
  to: string;
  ports: string;
  colour: string;
  width: number;
  /** SVG stroke-dasharray, absent for a solid line. */
  dash?: string;
  path: string;
  head: string;
  tag: { x: number; y: number; width: number; height: number; text: SceneText };
}

export interface SceneBox {
  /** The layout's key: a component drawn on both sides of the internal view has two boxes. */
  key: string;
  role: string;
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  stroke: string;
  lineWidth: number;
  dash?: string;
  lines: SceneText[];
}

/** One view of the port-usage diagram, ready to be written as SVG elements. */
export interface DiagramScene {
  width: number;
  height: number;
  titles: SceneText[];
  /** In drawing order: the flows that need attention last, so they lie on top. */
  flows: SceneFlow[];
  boxes: SceneBox[];
}

/**
 * The SVG picture of one view, from the layout and the arrow geometry the PDF draws with.
 * Only text is measured differently: the browser's fonts are not the PDF's, so widths are
 * estimated from character classes (generously, so a label never runs out of its box).
 */
export function diagramScene(graph: PortUsageGraph, view: DiagramView): DiagramScene {
  const layout = layoutDiagram(graph, view, DIAGRAM_WIDTH, (node, width) => labelLines(node, width).reduce((sum, line) => sum + line.size * LEADING, 0));
  const top = TITLE_BAND + MARGIN;
  const titles = layout.columns.map((column): SceneText => ({ x: column.x + MARGIN, y: MARGIN + TITLE_SIZE, text: column.title, size: TITLE_SIZE, bold: true, colour: MUTED }));
  const order = (status: FlowStatus) => FLOW_DRAW_ORDER.indexOf(status);
  const shift = (point: { x: number; y: number }) => ({ x: point.x + MARGIN, y: point.y + top });

  const flows = [...layout.edges]
    .sort((a, b) => order(a.edge.status) - order(b.edge.status))
    .map((placed): SceneFlow => {
      const ends = { from: shift(placed.from), to: shift(placed.to) };
      const geometry = arrowGeometry(ends);
      const stroke = flowStroke(placed.edge.status);
      const label = String(placed.edge.row);
      const tag = rowTagBox(ends, textWidth(label, DIAGRAM_TEXT.row, true), DIAGRAM_TEXT.row * LEADING);
      return {
        row: placed.edge.row,
        status: placed.edge.status,
        from: placed.edge.from,
        to: placed.edge.to,
        ports: placed.edge.ports,
        colour: stroke.colour,
        width: stroke.width,
        ...(stroke.dash && { dash: stroke.dash.join(' ') }),
        path: arrowPathData(geometry),
        head: geometry.head.map((point) => `${round(point.x)},${round(point.y)}`).join(' '),
        tag: { ...tag, text: { x: tag.x + 1.5, y: tag.y + DIAGRAM_TEXT.row * 1.05, text: label, size: DIAGRAM_TEXT.row, bold: true, colour: NAME_COLOUR } },
      };
    });

  const boxes = layout.boxes.map((box): SceneBox => {
    const style = boxStyle(box.node);
    const lines = labelLines(box.node, box.width - 8);
    let y = box.y + top + (box.height - lines.reduce((sum, line) => sum + line.size * LEADING, 0)) / 2;
    return {
      key: box.key,
      role: box.node.id,
      x: box.x + MARGIN,
      y: box.y + top,
      width: box.width,
      height: box.height,
      fill: style.fill,
      stroke: style.stroke,
      lineWidth: style.lineWidth,
      ...(style.dashed && { dash: '3 2' }),
      lines: lines.map((line) => {
        const placed: SceneText = { ...line, x: box.x + MARGIN + box.width / 2, y: y + line.size * 1.05, colour: box.node.deployed ? line.colour : ABSENT_BOX.text };
        y += line.size * LEADING;
        return placed;
      }),
    };
  });

  return { width: DIAGRAM_WIDTH + 2 * MARGIN, height: layout.height + top + MARGIN, titles, flows, boxes };
}

/** A box's label wrapped to its width, each line in the size and weight of its part. */
function labelLines(node: DiagramNode, width: number): SceneText[] {
  return boxLabel(node).flatMap(({ text, part }) => {
    const size = part === 'name' ? DIAGRAM_TEXT.name : DIAGRAM_TEXT.address;
    const bold = part === 'name';
    return wrapText(text, width, size, bold).map((line): SceneText => ({ x: 0, y: 0, text: line, size, bold, colour: bold ? NAME_COLOUR : MUTED }));
  });
}

/** Greedy wrapping at spaces (and after commas); a word wider than the line is broken between characters. */
export function wrapText(text: string, width: number, size: number, bold: boolean): string[] {
  // Each piece with what joins it to the one before: a space, or nothing after a comma inside a word.
  const pieces = text
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word, index) => word.split(/(?<=,)/).map((piece, at) => ({ piece, glue: at === 0 && index > 0 ? ' ' : '' })));
  const lines: string[] = [];
  let line = '';
  for (const { piece, glue } of pieces) {
    const joined = line ? `${line}${glue}${piece}` : piece;
    if (textWidth(joined, size, bold) <= width) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const char of piece) {
      if (line && textWidth(line + char, size, bold) > width) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** Widths per character class in ems, a little over DejaVu Sans's, the widest of the usual UI fonts. */
export function textWidth(text: string, size: number, bold: boolean): number {
  let ems = 0;
  for (const char of text) {
    if (/[0-9]/.test(char)) ems += 0.64;
    else if (/[.,:;|!' ]/.test(char)) ems += 0.33;
    else if (/[A-Z]/.test(char)) ems += 0.72;
    else if (/[a-z]/.test(char)) ems += 0.6;
    else ems += 0.7;
  }
  return ems * size * (bold ? 1.1 : 1);
}
