import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import packageJson from '../package.json';
import type { ApiHandlers } from './api';
import { loadSource, runAudit } from './core/engine/index';
import { loadEmbeddedMatrix } from './core/matrix/index';
import { defaultConfigDir, defaultProjectsDir, ProjectSession, ProjectsFolder, RecentAudits } from './core/project/index';
import { readRoleList } from './core/project/role-list';
import { loadSiteFile } from './core/site/index';
import { SPREADSHEET_VENDOR_ID } from './core/spreadsheet/index';
import { vendorParsers } from './core/vendors/registry';
import { createSshPullHandlers, type SshPullHandlerOptions } from './ssh-pull-handlers';

export interface HandlerOptions {
  mode: 'electron' | 'serve';
  /** The demo site file: in the repository's resources/ or the packaged app's resources. */
  demoSitePath: string;
  /** The one folder projects are opened from and saved to (default: defaultProjectsDir()). */
  projectsDir?: string;
  /** Where the recent-audits list lives (default: defaultConfigDir()). */
  configDir?: string;
  /** SSH pull: the OS keychain (Electron only), the ssh-agent (default SSH_AUTH_SOCK), collector settings for tests. */
  ssh?: Pick<SshPullHandlerOptions, 'secretEncryption' | 'agentSocket' | 'jobs'>;
}

/** Why serve mode never remembers a login, for the SSH form. */
const SERVE_HAS_NO_KEYCHAIN = 'the app runs in a browser (serve mode), where the OS keychain cannot seal them; type the login each time';

/** The report fonts ship in resources/fonts, beside resources/demo; the report module's own default otherwise. */
function fontDirectoryBeside(demoSitePath: string): string | undefined {
  const fonts = join(dirname(dirname(demoSitePath)), 'fonts');
  return existsSync(fonts) ? fonts : undefined;
}

const APP_NAME = 'WFOS Firewall Audit';

/** The main-process side of api.ts, over the core modules. Shared by Electron and serve mode. */
export function createApiHandlers(options: HandlerOptions): ApiHandlers {
  const session = new ProjectSession({
    projects: new ProjectsFolder(options.projectsDir ?? defaultProjectsDir()),
    recent: new RecentAudits(join(options.configDir ?? defaultConfigDir(), 'recent-audits.json')),
    app: { name: APP_NAME, version: packageJson.version },
    demoSitePath: options.demoSitePath,
    fontDirectory: fontDirectoryBeside(options.demoSitePath),
  });
  const bytesOf = (base64: string) => Buffer.from(base64, 'base64');
  const sshPull = createSshPullHandlers({
    session,
    configDir: options.configDir ?? defaultConfigDir(),
    tool: { name: APP_NAME, version: packageJson.version },
    agentSocket: process.env.SSH_AUTH_SOCK,
    ...options.ssh,
    ...(options.mode === 'serve' && { secretEncryption: undefined, withoutEncryption: SERVE_HAS_NO_KEYCHAIN }),
  });
  return {
    appInfo: async () => ({ name: APP_NAME, version: packageJson.version, mode: options.mode }),
    getMatrix: async ({ id }) => loadEmbeddedMatrix(id),
    auditDemoSite: async () => {
      const site = loadSiteFile(options.demoSitePath);
      return runAudit(site, site.firewalls.map(loadSource), { toolVersion: packageJson.version });
    },

    projectNew: async () => session.newProject(),
    projectOpenDemo: async () => session.openDemo(),
    projectCurrent: async () => {
      try {
        return session.view();
      } catch {
        return null;
      }
    },
    projectOpen: ({ name }) => session.openNamed(name),
    projectImport: async ({ fileName, contentBase64 }) => session.openUploaded(fileName, bytesOf(contentBase64)),
    projectSave: (request) => session.save(request),
    projectRecent: () => session.recent(),
    siteUpdate: async ({ site }) => session.updateSite(site),
    siteImportRoles: async ({ fileName, contentBase64 }) => readRoleList(bytesOf(contentBase64), basename(fileName), loadEmbeddedMatrix(session.view().site.matrix)),
    vendorList: async () => [
      ...vendorParsers.map((parser) => ({ id: parser.id, name: parser.name })),
      { id: SPREADSHEET_VENDOR_ID, name: 'Rule export (spreadsheet: .xlsx, .xls, .csv)' },
    ],
    sourceAdd: async ({ fileName, contentBase64, vendor, replaceId }) =>
      session.addSource({ fileName, bytes: bytesOf(contentBase64), ...(vendor !== undefined && { vendor }), ...(replaceId !== undefined && { replaceId }) }),
    sourceUpdate: async (request) => session.updateSource(request),
    sourceRemove: async ({ id }) => session.removeSource(id),
    sourceColumns: async ({ id }) => session.sourceColumns(id),
    sourceSetColumns: async (request) => session.setSourceColumns(request),
    auditRun: async () => session.runAudit(),
    auditStart: async () => session.startAudit(),
    auditStatus: async () => {
      const status = session.auditStatus();
      return status && status.state === 'done' ? { ...status, project: session.view() } : status;
    },
    auditCancel: async () => session.cancelAudit(),
    ruleTrace: async ({ row }) => session.traceRow(row),
    packetQuery: async (query) => session.query(query),
    auditCompare: async () => session.compare(),
    ruleExplorer: async (request) => session.rulePage(request),
    ruleExplorerRule: async (request) => session.ruleDetail(request),
    ...sshPull,
    signOffUpdate: async ({ signOff }) => session.updateSignOff(signOff),
    reportPdf: async () => {
      const { fileName, pdf } = await session.reportPdf();
      return { fileName, contentBase64: pdf.toString('base64') };
    },
    reportSignedPdf: async ({ certificateFileName, certificateBase64, passphrase }) => {
      const { fileName, signed } = await session.reportSignedPdf({ p12: bytesOf(certificateBase64), passphrase, file: basename(certificateFileName) });
      return {
        fileName: fileName.replace(/\.pdf$/, ' - signed.pdf'),
        contentBase64: signed.pdf.toString('base64'),
        signer: signed.signer.display,
        selfSigned: signed.selfSigned,
        fingerprint: signed.fingerprint,
        notAfter: signed.notAfter.toISOString(),
      };
    },
    reportXlsx: async () => {
      const { fileName, xlsx } = session.reportXlsx();
      return { fileName, contentBase64: xlsx.toString('base64') };
    },
    reportView: async () => session.printableReport(),
  };
}
