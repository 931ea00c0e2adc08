import { z } from 'zod';
import { auditResultSchema } from './core/engine/audit-result';
import { matrixSchema } from './core/matrix/schema';
import { MAX_SOURCE_BYTES, roleAssignmentSchema, signOffSchema, siteDraftSchema, zoneDraftSchema } from './core/project/project-schema';
import { MAX_CERTIFICATE_BYTES } from './core/project/report-limits';
import { printableReportSchema } from './core/report/model/printable-report';
import { pullJobViewSchema, pullStartRequestSchema, rememberedLoginSchema, sshSetupViewSchema } from './core/collect/pull-job-schema';
import { ruleDetailRequestSchema, ruleDetailSchema, rulePageRequestSchema, rulePageSchema } from './core/project/rule-explorer-schema';
import {
  auditComparisonSchema,
  columnFieldSchema,
  columnLetterSchema,
  packetAnswerSchema,
  projectViewSchema,
  recentListSchema,
  rowTraceViewSchema,
  saveResultSchema,
  siteUpdateResultSchema,
  sourceColumnsResultSchema,
  sourceColumnsViewSchema,
} from './core/project/view-schema';

/** A file the renderer read (a drop or the file picker), in base64: at most MAX_SOURCE_BYTES once decoded. */
const MAX_BASE64_LENGTH = Math.ceil(MAX_SOURCE_BYTES / 3) * 4;
const fileContents = z.string().max(MAX_BASE64_LENGTH, `larger than the ${MAX_SOURCE_BYTES / 1024 / 1024} MiB a file can be`).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');
const fileName = z.string().min(1).max(255);
const sourceId = z.string().min(1).max(64);

const certificateContents = z
  .string()
  .min(1, 'pick the .p12/.pfx file')
  .max(Math.ceil(MAX_CERTIFICATE_BYTES / 3) * 4, `larger than the ${MAX_CERTIFICATE_BYTES / 1024} KiB a .p12/.pfx can be`)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');
/** A report file to download, in base64. */
const reportFile = z.object({ fileName: z.string(), contentBase64: z.string() });

/** Where an audit job is; `project` comes with the status once the job is done. */
const auditJobStatus = z.object({
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  message: z.string(),
  progress: z.object({ stage: z.enum(['reading', 'preparing', 'coverage', 'findings']), done: z.number().int(), total: z.number().int(), source: z.string().optional() }).optional(),
  error: z.string().optional(),
  project: projectViewSchema.optional(),
});

/** The largest request body a transport must accept: one maximal file in base64, with room for JSON. */
export const MAX_REQUEST_BYTES = MAX_BASE64_LENGTH + 1024 * 1024;

/**
 * The one table of calls between the renderer and the main process. Electron's IPC bridge
 * and the loopback HTTP server both dispatch through it, and both validate every payload
 * against these schemas before a handler sees it. This module stays free of Node and DOM
 * so the renderer can import its types.
 */
export const api = {
  /** Product name and version, for the title bar and the report. */
  appInfo: {
    input: z.object({}).strict(),
    output: z.object({ name: z.string(), version: z.string(), mode: z.enum(['electron', 'serve']) }),
  },
  /** A port matrix shipped with the product; the default one when no id is given. */
  getMatrix: {
    input: z.object({ id: z.string().min(1).max(100).optional() }).strict(),
    output: matrixSchema,
  },
  /** The demo site (resources/demo) audited: what the app shows on first run. */
  auditDemoSite: {
    input: z.object({}).strict(),
    output: auditResultSchema,
  },

  /** A new, empty audit project (unsaved). */
  projectNew: { input: z.object({}).strict(), output: projectViewSchema },
  /** The demo site as an unsaved project, already audited. */
  projectOpenDemo: { input: z.object({}).strict(), output: projectViewSchema },
  /** The project open in this window, if any (after the page reloads in serve mode). */
  projectCurrent: { input: z.object({}).strict(), output: projectViewSchema.nullable() },
  /** Opens a project by its file name in the projects folder: the only place the renderer may name. */
  projectOpen: { input: z.object({ name: z.string().min(1).max(200) }).strict(), output: projectViewSchema },
  /** Opens a project file the renderer read itself (file picker, drop) as an unsaved copy. */
  projectImport: { input: z.object({ fileName, contentBase64: fileContents }).strict(), output: projectViewSchema },
  /** Saves to the current file, or to `name` in the projects folder (save as); `overwrite` to replace another file. */
  projectSave: { input: z.object({ name: z.string().min(1).max(200).optional(), overwrite: z.boolean().optional() }).strict(), output: saveResultSchema },
  /** Recent audits and the project files in the projects folder. */
  projectRecent: { input: z.object({}).strict(), output: recentListSchema },
  /** The Site screen as typed: stored as typed, answered with each field's problems. */
  siteUpdate: { input: z.object({ site: siteDraftSchema }).strict(), output: siteUpdateResultSchema },
  /**
   * The customer's server list (.xlsx, .xls, .csv: a role and an address column) read for the
   * Site screen, which merges it into what is typed; skipped rows are named by cell.
   */
  siteImportRoles: {
    input: z.object({ fileName, contentBase64: fileContents }).strict(),
    output: z.object({ sheet: z.string(), rowsRead: z.number().int(), roles: z.array(roleAssignmentSchema), notDeployed: z.array(z.string()), problems: z.array(z.string()) }),
  },
  /** Vendors a source can be read as, for when detection is not sure. */
  vendorList: { input: z.object({}).strict(), output: z.array(z.object({ id: z.string(), name: z.string() })) },
  /** Adds a configuration or rule export from its contents; re-importing a firewall replaces it. */
  sourceAdd: {
    input: z.object({ fileName, contentBase64: fileContents, vendor: z.string().min(1).max(64).optional(), replaceId: sourceId.optional() }).strict(),
    output: projectViewSchema,
  },
  /** Renames a source or sets its zones. */
  sourceUpdate: {
    input: z.object({ id: sourceId, name: z.string().max(200).optional(), zones: z.array(zoneDraftSchema).max(200).optional() }).strict(),
    output: projectViewSchema,
  },
  sourceRemove: { input: z.object({ id: sourceId }).strict(), output: projectViewSchema },
  /** A rule export's column mapping per rules sheet, with the first rows, the row counts and the first diagnostics. */
  sourceColumns: { input: z.object({ id: sourceId }).strict(), output: sourceColumnsViewSchema },
  /**
   * Gives a rule export's columns for one rules sheet (fields to column letters; fields left out
   * are still found by their headers), reads it again with them and stores them in the project;
   * `mapping: null` goes back to the detected columns.
   */
  sourceSetColumns: {
    input: z
      .object({
        id: sourceId,
        mapping: z.object({ sheet: z.string().min(1).max(200), columns: z.partialRecord(columnFieldSchema, columnLetterSchema) }).strict().nullable(),
      })
      .strict(),
    output: sourceColumnsResultSchema,
  },
  /** Runs the audit on the project and stores the result; the one before becomes the previous audit. */
  auditRun: { input: z.object({}).strict(), output: projectViewSchema },
  /**
   * The same audit as a job the window polls, for large configurations: auditStart answers at
   * once, auditStatus says where it is ("Checking matrix row 12 of 40…") and, once done, gives
   * the project with its new audit; auditCancel stops it at its next step, storing nothing.
   */
  auditStart: { input: z.object({}).strict(), output: auditJobStatus },
  auditStatus: { input: z.object({}).strict(), output: auditJobStatus.nullable() },
  auditCancel: { input: z.object({}).strict(), output: auditJobStatus.nullable() },
  /** Each firewall's deciding rules for a matrix row, with the configuration around them. */
  ruleTrace: { input: z.object({ row: z.number().int().min(1).max(10_000) }).strict(), output: rowTraceViewSchema },
  /** "Can 10.30.1.5 reach 10.10.20.21 on tcp/8443?" against the project's firewalls. */
  packetQuery: {
    input: z
      .object({ source: z.string().min(1).max(2000), destination: z.string().min(1).max(2000), service: z.string().min(1).max(100), sourcePort: z.string().max(100).optional() })
      .strict(),
    output: packetAnswerSchema,
  },
  /** The report's sign-off page as typed (auditor, customer representative, date, comments), kept in the project. */
  signOffUpdate: { input: z.object({ signOff: signOffSchema }).strict(), output: projectViewSchema },
  /** The last audit's report as an unsigned PDF, with the project's sign-off. */
  reportPdf: { input: z.object({}).strict(), output: reportFile },
  /**
   * The report signed with the auditor's .p12/.pfx, read by the window. The passphrase is used
   * for this call only: never stored, never logged. Answers who signed and whether the
   * certificate is self-signed (it then proves the report unchanged, not who signed it).
   */
  reportSignedPdf: {
    input: z.object({ certificateFileName: fileName, certificateBase64: certificateContents, passphrase: z.string().min(1, 'type the passphrase').max(1024) }).strict(),
    output: reportFile.extend({ signer: z.string(), selfSigned: z.boolean(), fingerprint: z.string(), notAfter: z.string() }),
  },
  /** The last audit's report as an .xlsx workbook (Summary, Coverage, Findings, Rules, Remediation, Evidence). */
  reportXlsx: { input: z.object({}).strict(), output: reportFile },

  // ---- Printable report ----
  /**
   * The last audit's report model, built by the code that writes the PDF, with the SHA-256 of
   * the audit result the PDF embeds: the app prints it and draws its port-usage diagram.
   */
  reportView: { input: z.object({}).strict(), output: printableReportSchema },

  /** The last audit against the one before it; null until there are two. */
  auditCompare: { input: z.object({}).strict(), output: auditComparisonSchema.nullable() },

  // ---- Rule explorer ----
  /**
   * One page (at most MAX_RULE_PAGE rows) of the project's rules with the last audit's findings,
   * filtered and ordered, with the total that passes the filter: the renderer never holds them all.
   */
  ruleExplorer: { input: rulePageRequestSchema, output: rulePageSchema },
  /** One rule of the explorer in full: its findings, where its list applies, the configuration around it. */
  ruleExplorerRule: { input: ruleDetailRequestSchema, output: ruleDetailSchema },

  // ---- SSH pull ("Sources → add firewall by SSH") ----
  // There is no push channel: a pull is a job the main process runs and the window polls.
  /** Vendors with an SSH profile, whether an ssh-agent and the OS keychain are there (and why not), remembered logins, the latest pull. */
  sshPullSetup: { input: z.object({}).strict(), output: sshSetupViewSchema },
  /** Starts pulling devices (a few at a time) into the open project; answers the job with each device queued. */
  sshPullStart: { input: pullStartRequestSchema, output: pullJobViewSchema },
  /** Where each device of a pull is: connecting, a host key waiting for an answer, capturing (bytes), done, failed, cancelled. */
  sshPullStatus: { input: z.object({ jobId: z.string().min(1).max(64) }).strict(), output: pullJobViewSchema },
  /** The user's word on a device's unknown host key: accept records it in the app's known_hosts; refuse stops that device. */
  sshHostKeyAnswer: {
    input: z.object({ jobId: z.string().min(1).max(64), device: z.number().int().min(0).max(1000), answer: z.enum(['accept', 'refuse']) }).strict(),
    output: pullJobViewSchema,
  },
  /** Stops a pull: devices still running stop and add nothing; those already added stay. */
  /** Cancels a pull, or one of its devices (`device`, its index) while the others go on. */
  sshPullCancel: { input: z.object({ jobId: z.string().min(1).max(64), device: z.number().int().min(0).max(1000).optional() }).strict(), output: pullJobViewSchema },
  /** Forgets a remembered login (its sealed secrets go with it). */
  sshLoginForget: { input: z.object({ id: z.string().min(1).max(64) }).strict(), output: z.array(rememberedLoginSchema) },
} as const;

export type Api = typeof api;
export type ApiName = keyof Api;
export type ApiInput<N extends ApiName> = z.input<Api[N]['input']>;
export type ApiOutput<N extends ApiName> = z.output<Api[N]['output']>;

/** What the main process implements: one async function per call. */
export type ApiHandlers = { [N in ApiName]: (input: z.output<Api[N]['input']>) => Promise<ApiOutput<N>> };

/** A call's result as it crosses the process boundary: errors travel as data, never as stacks. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: string };

export function isApiName(name: unknown): name is ApiName {
  return typeof name === 'string' && Object.hasOwn(api, name);
}
