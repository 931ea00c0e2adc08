import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApiHandlers } from '../api-handlers';
import { defaultProjectsDir } from '../core/project/locations';
import { tuneV8ForAudits } from '../v8-tuning';
import { startServer } from './server';

/**
 * `npm run serve`: the workstation in a browser, for machines where Electron's binary
 * cannot be installed and for end-to-end tests. Prints the URL to open on stdout.
 */
async function serveMain() {
  tuneV8ForAudits();
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '0' }, renderer: { type: 'string' }, 'projects-dir': { type: 'string' } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${values.port}: not a port number`);
  const rendererDir = values.renderer ?? fileURLToPath(new URL('../../out/renderer', import.meta.url));
  const demoSitePath = fileURLToPath(new URL('../../resources/demo/site.yaml', import.meta.url));
  // The browser may open and save projects only by name inside this folder (see ProjectsFolder).
  const projectsDir = values['projects-dir'] ?? defaultProjectsDir();
  const server = await startServer({ rendererDir, handlers: createApiHandlers({ mode: 'serve', demoSitePath, projectsDir }), port });
  process.stdout.write(`WFOS Firewall Audit is serving on ${server.url}\nProjects folder: ${projectsDir}\nOpen: ${server.openUrl}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

serveMain().catch((error: unknown) => {
  process.stderr.write(`wfos-audit serve: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
