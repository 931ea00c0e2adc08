/**
 * The Electron build in one place: the main and preload bundles (esbuild), the renderer
 * bundle (Vite + Svelte), packaging (electron-builder), and the commands npm scripts call:
 *
 *   tsx electron.config.ts build-renderer | build | start | serve | package [linux|win|mac]
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Configuration as BuilderConfiguration } from 'electron-builder';
import type { BuildOptions } from 'esbuild';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { InlineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = `${root}out`;

/** How Node-side code is bundled for the app; the bench builds its phases the same way. */
export const nodeBundle: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  // pdfkit reads its font metrics from its own package at run time, and ssh2 loads optional
  // native bindings: both stay in node_modules, which electron-builder packs with the app.
  external: ['electron', 'pdfkit', 'ssh2'],
  logLevel: 'warning',
};

export const mainBundle: BuildOptions = { ...nodeBundle, entryPoints: [`${root}src-main/electron/main.ts`], outfile: `${outDir}/main/main.cjs` };
export const preloadBundle: BuildOptions = { ...nodeBundle, entryPoints: [`${root}src-main/electron/preload.ts`], outfile: `${outDir}/preload/preload.cjs` };

export const rendererConfig: InlineConfig = {
  configFile: false,
  root: `${root}src-renderer`,
  base: './',
  plugins: [svelte()],
  logLevel: 'warn',
  build: { outDir: `${outDir}/renderer`, emptyOutDir: true, target: 'chrome120', sourcemap: true },
};

export const builderConfig: BuilderConfiguration = {
  appId: 'com.wfos-audit.workstation',
  productName: 'WFOS Firewall Audit',
  directories: { output: 'dist', buildResources: 'resources/build' },
  files: ['out/**', 'package.json', '!**/*.map'],
  // The report's fonts sit beside the demo, where the main process looks for them.
  extraResources: [{ from: 'resources/demo', to: 'demo' }, { from: 'resources/fonts', to: 'fonts' }],
  asar: true,
  linux: { target: ['AppImage', 'deb'], category: 'Network', maintainer: 'WFOS Firewall Audit' },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false },
  mac: { target: ['dmg'], category: 'public.app-category.developer-tools', hardenedRuntime: true },
  // Fuses are flipped in the packaged binary: it cannot be turned into a plain Node runtime,
  // and it refuses an app archive that was changed after signing.
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
  },
};

export async function buildRenderer(): Promise<void> {
  const { build } = await import('vite');
  await build(rendererConfig);
}

export async function buildAll(): Promise<void> {
  const esbuild = await import('esbuild');
  await Promise.all([esbuild.build(mainBundle), esbuild.build(preloadBundle), buildRenderer()]);
}

/** The Electron binary, or undefined when the offline install could not fetch it. */
function electronBinary(): string | undefined {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', cwd: root });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function startElectron(): Promise<number> {
  const binary = electronBinary();
  if (!binary) {
    process.stderr.write("Electron's binary is not installed (it is downloaded on first install and this one was offline): run `npm run serve` to open the same app in your browser.\n");
    return 1;
  }
  await buildAll();
  return run(binary, [root]);
}

async function packageApp(platforms: string[]): Promise<number> {
  await buildAll();
  const { build, Platform } = await import('electron-builder');
  const targets = platforms.length ? platforms : ['linux'];
  const byName: Record<string, typeof Platform.LINUX> = { linux: Platform.LINUX, win: Platform.WINDOWS, mac: Platform.MAC };
  for (const name of targets) {
    const platform = byName[name];
    if (!platform) throw new Error(`unknown platform "${name}" (linux, win or mac)`);
    await build({ targets: platform.createTarget(), config: builderConfig });
  }
  return 0;
}

async function cli(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'build-renderer':
      await buildRenderer();
      return 0;
    case 'build':
      await buildAll();
      return 0;
    case 'start':
      return startElectron();
    case 'serve':
      await buildRenderer();
      return run(process.execPath, ['--import', 'tsx', `${root}src-main/serve/main.ts`, ...rest]);
    case 'package':
      return packageApp(rest);
    default:
      process.stderr.write('usage: tsx electron.config.ts build-renderer | build | start | serve | package [linux|win|mac]\n');
      return 2;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  cli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}
