import type { ReportModel } from '../../model/report-model';
import { STATUS_TINTS } from '../../palette';
import { SECTION_INTROS, SECTION_TITLES } from '../../text/section-texts';
import { flowBlocks, verdictBlocks } from '../../text/text-blocks';
import { STYLES, type ReportCanvas } from '../canvas';
import { blocksCell, cell, drawTable } from '../table';

/** Every matrix row, its verdict, and for each firewall it crosses the lines that decide it. */
export function drawCoverage(canvas: ReportCanvas, model: ReportModel): void {
  canvas.section(SECTION_TITLES.coverage, SECTION_INTROS.coverage);
  drawTable(
    canvas,
    [{ header: 'Row', share: 0.45 }, { header: 'Flow', share: 1.8 }, { header: 'Status', share: 1.05 }, { header: 'Firewalls and deciding rules', share: 4.2 }],
    model.coverage.map((row) => [cell(String(row.row), STYLES.smallBold), blocksCell(flowBlocks(row)), cell(row.status, STYLES.smallBold, STATUS_TINTS[row.status]), blocksCell(verdictBlocks(row))]),
  );
}
