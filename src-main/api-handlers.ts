import packageJson from '../package.json';
import type { ApiHandlers } from './api';
import { loadSource, runAudit } from './core/engine/index';
import { loadEmbeddedMatrix } from './core/matrix/index';
import { loadSiteFile } from './core/site/index';

export interface HandlerOptions {
  mode: 'electron' | 'serve';
  /** The demo site file: in the repository's resources/ or the packaged app's resources. */
  demoSitePath: string;
}

/** The main-process side of api.ts, over the core modules. Shared by Electron and serve mode. */
export function createApiHandlers(options: HandlerOptions): ApiHandlers {
  return {
    appInfo: async () => ({ name: 'WFOS Firewall Audit', version: packageJson.version, mode: options.mode }),
    getMatrix: async ({ id }) => loadEmbeddedMatrix(id),
    auditDemoSite: async () => {
      const site = loadSiteFile(options.demoSitePath);
      return runAudit(site, site.firewalls.map(loadSource), { toolVersion: packageJson.version });
    },
  };
}
