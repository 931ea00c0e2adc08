import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the app keeps its own small files (the recent-audits list): WFOS_CONFIG_DIR, or the
 * platform's usual place for application settings.
 */
export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.WFOS_CONFIG_DIR) return env.WFOS_CONFIG_DIR;
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'wfos-audit');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'wfos-audit');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'wfos-audit');
}

/** The folder projects are opened from and saved to: WFOS_PROJECTS_DIR, or "WFOS Audits" in Documents. */
export function defaultProjectsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.WFOS_PROJECTS_DIR) return env.WFOS_PROJECTS_DIR;
  const documents = join(homedir(), 'Documents');
  return join(existsSync(documents) ? documents : homedir(), 'WFOS Audits');
}
