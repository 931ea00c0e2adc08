import { _electron as electron, expect, test as base, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The Electron binary when one is installed (online install or ELECTRON_OVERRIDE_DIST_PATH). */
export function electronBinary(): string | undefined {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Folders of its own for each test's workstation: projects, and the settings holding the recent list. */
export interface WorkstationDirs {
  projects: string;
  config: string;
}

function freshDirs(): WorkstationDirs {
  const base = mkdtempSync(join(tmpdir(), 'wfos-e2e-'));
  return { projects: join(base, 'projects'), config: join(base, 'config') };
}

/** Starts serve mode as a user would (a real process on loopback) and returns the URL it prints. */
async function startServe(dirs: WorkstationDirs): Promise<{ openUrl: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/serve/main.ts', '--port', '0', '--projects-dir', dirs.projects], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WFOS_CONFIG_DIR: dirs.config },
  });
  let output = '';
  const openUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^Open: (\S+)$/m.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
  return { openUrl, child };
}

interface Fixtures {
  /** The workstation's window: Chromium on serve mode, or the Electron app in the electron project. */
  workstation: Page;
  /** The serve-mode URL with its token; undefined under Electron. */
  serveUrl: string | undefined;
  /** Where this test's workstation keeps projects and its recent list. */
  dirs: WorkstationDirs;
}

export const test = base.extend<Fixtures>({
  dirs: async ({}, use) => use(freshDirs()),
  serveUrl: async ({ dirs }, use, testInfo) => {
    if (testInfo.project.name === 'electron') return use(undefined);
    const { openUrl, child } = await startServe(dirs);
    await use(openUrl);
    child.kill('SIGTERM');
  },
  workstation: async ({ page, serveUrl, dirs }, use, testInfo) => {
    if (testInfo.project.name !== 'electron') {
      await page.goto(serveUrl!);
      return use(page);
    }
    const app = await electron.launch({
      args: [root],
      executablePath: electronBinary(),
      env: { ...process.env, WFOS_PROJECTS_DIR: dirs.projects, WFOS_CONFIG_DIR: dirs.config } as Record<string, string>,
    });
    await use(await app.firstWindow());
    await app.close();
  },
});

export { expect };

/**
 * The Start screen of a fresh workstation: its first run opens the demo (waited for, or it
 * would take the window back to Results), then the brand in the header leads to Start.
 */
export async function startScreen(page: Page): Promise<void> {
  await expect(page.getByTestId('flow-row')).toHaveCount(40);
  await page.getByTestId('home').click();
  await expect(page.getByTestId('new-audit')).toBeVisible();
}

/** On a fresh workstation, the demo opened again from the Start screen's button: audited, on the results. */
export async function openDemo(page: Page): Promise<void> {
  await startScreen(page);
  await page.getByTestId('open-demo').click();
  await expect(page.getByTestId('flow-row')).toHaveCount(40);
}
