import { z } from 'zod';
import { reportModelSchema } from './report-model';

/**
 * What the app's printable report is drawn from: the report model the PDF is written from,
 * and the one thing the PDF adds while writing itself, the SHA-256 of the audit result it
 * embeds (audit.json), so the printout's Evidence section can name it too.
 */
export const printableReportSchema = z.object({
  model: reportModelSchema,
  auditJsonSha256: z.string(),
});

export type PrintableReport = z.infer<typeof printableReportSchema>;
