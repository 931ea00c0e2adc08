import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSource, runAudit } from '../../../src-main/core/engine/index';
import { arrowGeometry, arrowPathData } from '../../../src-main/core/report/diagram/arrow-geometry';
import { layoutDiagram } from '../../../src-main/core/report/diagram/diagram-layout';
import { DIAGRAM_VIEWS, edgesOf, FLOW_DRAW_ORDER } from '../../../src-main/core/report/diagram/diagram-style';
import { buildReportModel, reportInputFor } from '../../../src-main/core/report/index';
import { STATUS_COLOURS } from '../../../src-main/core/report/palette';
import { loadSiteFile } from '../../../src-main/core/site/index';
import { diagramScene, textWidth, wrapText } from '../../../src-renderer/lib/diagram-scene';

const site = loadSiteFile(fileURLToPath(new URL('../../../resources/demo/site.yaml', import.meta.url)));
const audit = runAudit(site, site.firewalls.map(loadSource), { toolVersion: '0.0.0-test', now: new Date('2026-11-24T10:00:00Z') });
const graph = buildReportModel(reportInputFor(site, audit)).diagram;
const scenes = DIAGRAM_VIEWS.map(({ view }) => ({ view, scene: diagramScene(graph, view) }));

const numbersOf = (path: string) => path.match(/-?[\d.]+/g)!.map(Number);

/** Equal up to the path's two decimals: the scene adds its margins before rounding, the layout after. */
function expectClose(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, index) => expect(Math.abs(value - expected[index]!), `value ${index}`).toBeLessThanOrEqual(0.011));
}

describe('the port-usage diagram as SVG', () => {
  it('draws every flow of the model once, as a path in its status\'s colour', () => {
    const drawn = scenes.flatMap(({ scene }) => scene.flows);
    expect(drawn.map((flow) => flow.row).sort((a, b) => a - b)).toEqual(audit.flows.map((flow) => flow.row).sort((a, b) => a - b));
    for (const { view, scene } of scenes) {
      for (const edge of edgesOf(graph, view)) {
        const flow = scene.flows.find((item) => item.row === edge.row)!;
        expect(flow, `row ${edge.row}`).toMatchObject({ status: edge.status, colour: STATUS_COLOURS[edge.status], from: edge.from, to: edge.to, ports: edge.ports });
        expect(flow.path).toMatch(/^M /);
        expect(flow.head.split(' ')).toHaveLength(3);
        expect(flow.tag.text.text).toBe(String(edge.row));
      }
    }
  });

  it('draws the arrows that need attention last, so they lie on top', () => {
    for (const { scene } of scenes) {
      const ranks = scene.flows.map((flow) => FLOW_DRAW_ORDER.indexOf(flow.status));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
  });

  it('uses the PDF\'s layout and arrow geometry, moved below the column titles', () => {
    for (const { view, scene } of scenes) {
      const heights = new Map(scene.boxes.map((box) => [box.role, box]));
      const layout = layoutDiagram(graph, view, scene.width - 8, (node) => heights.get(node.id)!.lines.reduce((sum, line) => sum + line.size * 1.3, 0));
      const [dx, dy] = [scene.boxes[0]!.x - layout.boxes[0]!.x, scene.boxes[0]!.y - layout.boxes[0]!.y];
      expectClose(scene.boxes.flatMap((box) => [box.x - dx, box.y - dy, box.width, box.height]), layout.boxes.flatMap((box) => [box.x, box.y, box.width, box.height]));
      for (const placed of layout.edges) {
        const moved = { from: { x: placed.from.x + dx, y: placed.from.y + dy }, to: { x: placed.to.x + dx, y: placed.to.y + dy } };
        expectClose(numbersOf(scene.flows.find((flow) => flow.row === placed.edge.row)!.path), numbersOf(arrowPathData(arrowGeometry(moved))));
      }
    }
  });

  it('keeps every label inside its box and every box inside the picture', () => {
    for (const { scene } of scenes) {
      for (const box of scene.boxes) {
        expect(box.x + box.width).toBeLessThanOrEqual(scene.width);
        expect(box.y + box.height).toBeLessThanOrEqual(scene.height);
        for (const line of box.lines) {
          expect(textWidth(line.text, line.size, line.bold), `${box.role}: ${line.text}`).toBeLessThanOrEqual(box.width - 8);
          expect(line.y).toBeGreaterThan(box.y);
          expect(line.y).toBeLessThanOrEqual(box.y + box.height);
        }
      }
    }
    const absent = scenes.flatMap(({ scene }) => scene.boxes).find((box) => box.role === 'Speech Middleware')!;
    expect(absent.dash).toBeDefined();
    expect(absent.lines.map((line) => line.text)).toContain('not deployed here');
  });
});

describe('wrapping a label', () => {
  it('breaks at spaces and after commas within the width, losing nothing', () => {
    const text = 'Nuance Transcription Engine 10.10.20.11,10.10.20.12, 10.10.20.13';
    const lines = wrapText(text, 90, 7.5, true);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 7.5, true)).toBeLessThanOrEqual(90);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });

  it('breaks a word longer than the line between characters', () => {
    const lines = wrapText('2001:db8:85a3:0000:0000:8a2e:0370:7334/128', 40, 6.3, false);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('')).toBe('2001:db8:85a3:0000:0000:8a2e:0370:7334/128');
  });
});
