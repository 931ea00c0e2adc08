// The report model alone: pure TypeScript with no Node imports, for the renderer's report view.
export * from './report-model';
export { buildReportModel, type ReportInput, type SignOffInput } from './build-report';
export { PASS_CRITERION } from './pass-criterion';
export { formatDate, formatDateTime } from './dates';
export { printableReportSchema, type PrintableReport } from './printable-report';
