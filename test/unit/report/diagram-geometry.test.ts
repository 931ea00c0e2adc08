import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FLOW_STATUSES } from '../../../src-main/core/engine/audit-result';
import { loadSource, runAudit } from '../../../src-main/core/engine/index';
import { arrowGeometry, arrowPathData, rowTagBox } from '../../../src-main/core/report/diagram/arrow-geometry';
import { layoutDiagram } from '../../../src-main/core/report/diagram/diagram-layout';
import { boxLabel, boxStyle, DIAGRAM_VIEWS, FLOW_DRAW_ORDER, flowStroke, statusLegend } from '../../../src-main/core/report/diagram/diagram-style';
import { buildReportModel, reportInputFor } from '../../../src-main/core/report/index';
import { STATUS_COLOURS } from '../../../src-main/core/report/palette';
import { loadSiteFile } from '../../../src-main/core/site/index';

const site = loadSiteFile(fileURLToPath(new URL('../../../resources/demo/site.yaml', import.meta.url)));
const audit = runAudit(site, site.firewalls.map(loadSource), { toolVersion: '0.0.0-test', now: new Date('2026-11-24T10:00:00Z') });
const graph = buildReportModel(reportInputFor(site, audit)).diagram;
const layouts = DIAGRAM_VIEWS.map(({ view }) => layoutDiagram(graph, view, 740, () => 20));

describe('the arrows both renderers draw', () => {
  it('leave and enter their boxes level, and end with the head\'s tip on the accepting box\'s side', () => {
    for (const layout of layouts) {
      for (const placed of layout.edges) {
        const { start, control1, control2, end, head } = arrowGeometry(placed);
        const rightwards = placed.to.x > placed.from.x;
        expect(start).toEqual(placed.from);
        expect(head[0]).toEqual(placed.to);
        expect([control1.y, control2.y, end.y]).toEqual([placed.from.y, placed.to.y, placed.to.y]);
        // The head's base sits back from the tip, towards the start, and the head is symmetric about the line.
        expect(Math.sign(placed.to.x - end.x)).toBe(rightwards ? 1 : -1);
        expect(head[1].y + head[2].y).toBeCloseTo(2 * placed.to.y, 9);
        expect(arrowPathData(arrowGeometry(placed))).toMatch(/^M [\d.-]+ [\d.-]+ C [\d.-]+ [\d.-]+, [\d.-]+ [\d.-]+, [\d.-]+ [\d.-]+$/);
      }
    }
  });

  it('put each row number beside its arrow\'s start, outside the box it leaves', () => {
    for (const layout of layouts) {
      for (const placed of layout.edges) {
        const tag = rowTagBox(placed, 8, 7);
        const box = layout.boxes.find((item) => (item.x === placed.from.x || item.x + item.width === placed.from.x) && placed.from.y > item.y && placed.from.y < item.y + item.height)!;
        expect(tag.y + tag.height / 2).toBeCloseTo(placed.from.y, 9);
        expect(tag.x >= box.x + box.width || tag.x + tag.width <= box.x, `row ${placed.edge.row}`).toBe(true);
      }
    }
  });
});

describe('the diagram\'s look', () => {
  it('colours every status from the report palette and still tells them apart without colour', () => {
    const looks = FLOW_STATUSES.map((status) => flowStroke(status));
    FLOW_STATUSES.forEach((status, index) => expect(looks[index]!.colour).toBe(STATUS_COLOURS[status]));
    expect(new Set(looks.map((look) => `${look.width}|${look.dash?.join(',') ?? 'solid'}`)).size).toBe(FLOW_STATUSES.length);
    expect(FLOW_DRAW_ORDER.at(-1)).toBe('blocked');
    expect([...FLOW_DRAW_ORDER].sort()).toEqual([...FLOW_STATUSES].sort());
  });

  it('marks a role the site does not deploy, and counts each status in the legend', () => {
    const absent = graph.nodes.find((node) => !node.deployed)!;
    expect(boxLabel(absent).map((line) => line.text)).toContain('not deployed here');
    expect(boxStyle(absent).dashed).toBe(true);
    const browser = graph.nodes.find((node) => node.id === 'Browser')!;
    expect(boxLabel(browser)).toEqual([{ text: 'Browser', part: 'name' }, { text: '10.30.0.0/16', part: 'address' }]);
    expect(statusLegend(graph.boundary).find((entry) => entry.status === 'blocked')!.label).toBe(`blocked (${graph.boundary.filter((edge) => edge.status === 'blocked').length})`);
  });
});
