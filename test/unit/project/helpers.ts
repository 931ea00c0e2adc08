import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectFromSiteFile, type Project } from '../../../src-main/core/project/index';

export const root = fileURLToPath(new URL('../../..', import.meta.url));
export const demoSite = join(root, 'resources/demo/site.yaml');
export const demoConfigPath = join(root, 'resources/demo/configs/dal-dc-fw01.txt');
export const demoConfig = () => readFileSync(demoConfigPath);
export const app = { name: 'WFOS Firewall Audit', version: '0.1.0-test' };
export const NOW = '2026-11-24T10:00:00.000Z';

export function tempDir(prefix = 'wfos-project-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The demo site as a project, unaudited. */
export function demoProject(): Project {
  return projectFromSiteFile(demoSite, app, NOW);
}

/** The demo configuration with the inactive TSAPI line (129) switched on: row 27 is then fixed. */
export function fixedDemoConfig(): Buffer {
  const text = demoConfig().toString('utf8');
  const fixed = text.replace('object-group AES-TSAPI-LEGACY inactive', 'object-group AES-TSAPI-LEGACY');
  if (fixed === text) throw new Error('the demo configuration no longer has the inactive line this test relies on');
  return Buffer.from(fixed, 'utf8');
}
