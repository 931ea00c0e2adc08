import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { HOSTNAME } from '../bench/asa-device';
import { generateAsaConfig, type GeneratedConfig } from '../bench/generate-asa';
import { expect, openDemo } from './workstation-fixture';

/**
 * The bench's generated firewall at a scale, written where a user would pick it from; the
 * folder goes when `use` is done.
 */
export async function withGeneratedFirewall(scale: number, use: (configPath: string, generated: GeneratedConfig) => Promise<void>): Promise<void> {
  const generated = generateAsaConfig(scale);
  const dir = mkdtempSync(join(tmpdir(), 'wfos-generated-'));
  const configPath = join(dir, `${HOSTNAME}.txt`);
  writeFileSync(configPath, generated.text);
  try {
    await use(configPath, generated);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Opens the demo (audited) and adds a configuration file beside its firewall on the Sources screen. */
export async function demoWithSecondFirewall(page: Page, configPath: string): Promise<void> {
  await openDemo(page);
  await page.getByTestId('step-sources').click();
  await page.getByTestId('source-file-input').setInputFiles(configPath);
  await expect(page.getByTestId('source-card')).toHaveCount(2, { timeout: 120_000 });
}
