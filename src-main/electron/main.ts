import { app, BrowserWindow, ipcMain, protocol } from 'electron';
import { join } from 'node:path';
import { createApiHandlers } from '../api-handlers';
import { dispatchApiCall } from '../api-dispatch';
import { CONTENT_SECURITY_POLICY } from '../content-security-policy';
import { readStaticFile } from '../serve/static-files';
import { API_CHANNEL, APP_ORIGIN, APP_SCHEME } from './ipc-channel';
import { electronSecretEncryption } from './safe-storage';
import { hardenWebContents, isTrustedSender } from './security';
import { tuneV8ForAudits } from '../v8-tuning';

// The bundle lives in out/main/; the renderer and preload bundles beside it.
const outDir = join(__dirname, '..');
const rendererDir = join(outDir, 'renderer');

tuneV8ForAudits();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
hardenWebContents();

// Packaged, resources/demo ships beside the app archive; from a checkout it is in the repository.
const demoSitePath = app.isPackaged ? join(process.resourcesPath, 'demo', 'site.yaml') : join(outDir, '..', 'resources', 'demo', 'site.yaml');
const handlers = createApiHandlers({ mode: 'electron', demoSitePath, ssh: { secretEncryption: electronSecretEncryption } });
ipcMain.handle(API_CHANNEL, (event, name: unknown, input: unknown) => {
  if (!isTrustedSender(event.senderFrame?.url)) return { ok: false, error: 'call refused: not from the app' };
  return dispatchApiCall(handlers, name, input);
});

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    title: 'WFOS Firewall Audit',
    show: false,
    webPreferences: {
      preload: join(outDir, 'preload', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
}

app.whenReady().then(() => {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = await readStaticFile(rendererDir, new URL(request.url).pathname);
    if (!file) return new Response('not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { 'content-type': file.contentType, 'content-security-policy': CONTENT_SECURITY_POLICY },
    });
  });
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
