import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { HOSTNAME } from './asa-device';
import { generateAsaConfig, type GeneratedConfig } from './generate-asa';

export interface BenchWorkspace {
  dir: string;
  configPath: string;
  sitePath: string;
  generated: GeneratedConfig;
  remove(): void;
}

/**
 * Writes the generated config and a site file beside it. The site copies the demo's roles,
 * so the bench audits the same deployment the demo does, behind a much larger firewall.
 */
export function createWorkspace(repoRoot: string, scale = 1): BenchWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'wfos-bench-'));
  const generated = generateAsaConfig(scale);
  const configName = `${HOSTNAME}.txt`;
  const configPath = join(dir, configName);
  writeFileSync(configPath, generated.text);

  const demo = parse(readFileSync(join(repoRoot, 'resources/demo/site.yaml'), 'utf8')) as Record<string, unknown>;
  const site = { ...demo, site: `${String(demo.site)} (bench, ${generated.counts.accessListEntries} entries)`, firewalls: [{ name: HOSTNAME, file: configName }] };
  const sitePath = join(dir, 'site.yaml');
  writeFileSync(sitePath, stringify(site));

  return { dir, configPath, sitePath, generated, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
