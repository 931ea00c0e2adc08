import packageJson from '../package.json';
import type { ApiHandlers } from './api';
import { loadEmbeddedMatrix } from './core/matrix/index';

/** The main-process side of api.ts, over the core modules. Shared by Electron and serve mode. */
export function createApiHandlers(mode: 'electron' | 'serve'): ApiHandlers {
  return {
    appInfo: async () => ({ name: 'WFOS Firewall Audit', version: packageJson.version, mode }),
    getMatrix: async ({ id }) => loadEmbeddedMatrix(id),
  };
}
