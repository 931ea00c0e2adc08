import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSource, runAudit } from '../../../src-main/core/engine/index';
import { buildReportModel, reportInputFor } from '../../../src-main/core/report/index';
import { layoutDiagram, type DiagramLayout } from '../../../src-main/core/report/diagram/diagram-layout';
import { loadSiteFile } from '../../../src-main/core/site/index';

const site = loadSiteFile(fileURLToPath(new URL('../../../resources/demo/site.yaml', import.meta.url)));
const audit = runAudit(site, site.firewalls.map(loadSource), { toolVersion: '0.0.0-test', now: new Date('2026-11-24T10:00:00Z') });
const graph = buildReportModel(reportInputFor(site, audit)).diagram;
const layout = (view: 'internal' | 'boundary') => layoutDiagram(graph, view, 740, () => 20);

function onBoxSide(layout: DiagramLayout, point: { x: number; y: number }): boolean {
  return layout.boxes.some((box) => (Math.abs(point.x - box.x) < 1e-9 || Math.abs(point.x - box.x - box.width) < 1e-9) && point.y > box.y && point.y < box.y + box.height);
}

describe('the port-usage diagram layout', () => {
  it('is the same every time for the same graph', () => {
    expect(layout('boundary')).toEqual(layout('boundary'));
    expect(layout('internal')).toEqual(layout('internal'));
  });

  it('places clients left, WFOS components in the middle, the systems WFOS reaches right', () => {
    const boundary = layout('boundary');
    expect(boundary.columns.map((column) => column.title)).toEqual(['Clients and systems that reach WFOS', 'WFOS components', 'Systems WFOS reaches']);
    const columnOf = (id: string) => boundary.columns.findIndex((column) => boundary.boxes.find((box) => box.node.id === id)!.x === column.x);
    expect(columnOf('Browser')).toBe(0);
    expect(columnOf('SBC/IPOffice')).toBe(0);
    expect(columnOf('CTI Adapter')).toBe(1);
    expect(columnOf('AES Server')).toBe(2);
  });

  it('never overlaps boxes, and starts and ends every arrow on a box side at its own slot', () => {
    for (const view of ['internal', 'boundary'] as const) {
      const placed = layout(view);
      expect(placed.edges).toHaveLength(view === 'internal' ? graph.internal.length : graph.boundary.length);
      for (const column of placed.columns) {
        const boxes = placed.boxes.filter((box) => box.x === column.x).sort((a, b) => a.y - b.y);
        boxes.slice(1).forEach((box, index) => expect(box.y, box.key).toBeGreaterThanOrEqual(boxes[index]!.y + boxes[index]!.height));
      }
      const ends = new Set<string>();
      for (const { edge, from, to } of placed.edges) {
        expect(onBoxSide(placed, from), `row ${edge.row} start`).toBe(true);
        expect(onBoxSide(placed, to), `row ${edge.row} end`).toBe(true);
        for (const point of [from, to]) {
          const key = `${point.x.toFixed(3)},${point.y.toFixed(3)}`;
          expect(ends.has(key), `row ${edge.row} shares a slot`).toBe(false);
          ends.add(key);
        }
      }
    }
  });
});
