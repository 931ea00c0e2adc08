import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import type { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  auditProject,
  contentOf,
  nodeIo,
  PROJECT_VERSION,
  ProjectError,
  readProjectFile,
  serializeProject,
  sha256Of,
  writeProjectFile,
  type Project,
} from '../../../src-main/core/project/index';
import { app, demoProject, tempDir } from './helpers';

function auditedDemo(): Project {
  const project = demoProject();
  return { ...project, audit: auditProject(project, 'demo', { toolVersion: app.version, now: new Date('2026-11-24T10:00:00Z') }) };
}

async function expectRefused(path: string, message: RegExp): Promise<void> {
  const before = readFileSync(path);
  await expect(readProjectFile(path)).rejects.toThrow(ProjectError);
  await expect(readProjectFile(path)).rejects.toThrow(message);
  // Opening never writes: the file is byte for byte what it was.
  expect(readFileSync(path).equals(before)).toBe(true);
}

describe('the audit project file', () => {
  it('saves and opens a project with its sources, evidence hashes and audit result intact', async () => {
    const dir = tempDir();
    const path = join(dir, 'acme-dallas.wfosaudit');
    const project = auditedDemo();
    await writeProjectFile(path, project);

    const opened = await readProjectFile(path);
    expect(opened).toEqual(project);
    expect(opened.format).toBe('wfos-audit/project');
    expect(opened.version).toBe(PROJECT_VERSION);
    expect(opened.site.roles).toContainEqual({ role: 'Media Manager', addresses: '10.10.20.11' });
    expect(opened.sources[0]).toMatchObject({ name: 'dal-dc-fw01', vendor: 'cisco-asa', origin: { kind: 'file', fileName: 'dal-dc-fw01.txt' } });
    // The configuration is kept as text, and its hash is the one the audit result cites.
    expect(opened.sources[0]!.content.encoding).toBe('utf8');
    expect(opened.audit!.result.sources[0]!.sha256).toBe(opened.sources[0]!.sha256);
    // Nothing but the project is left in the folder.
    expect(readdirSync(dir)).toEqual(['acme-dallas.wfosaudit']);
  });

  it('keeps bytes that are not UTF-8 text as base64, with the hash of the original bytes', async () => {
    const path = join(tempDir(), 'latin.wfosaudit');
    const project = demoProject();
    const bytes = Buffer.concat([Buffer.from(': Saved\n'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])]);
    const source = { ...project.sources[0]!, content: contentOf(bytes), sha256: sha256Of(bytes), bytes: bytes.byteLength };
    await writeProjectFile(path, { ...project, sources: [source] });
    const opened = await readProjectFile(path);
    expect(opened.sources[0]!.content.encoding).toBe('base64');
    expect(opened.sources[0]!.sha256).toBe(sha256Of(bytes));
  });

  it('refuses a file that is not JSON, saying so, and leaves it alone', async () => {
    const path = join(tempDir(), 'corrupt.wfosaudit');
    writeFileSync(path, 'PK\u0003\u0004 this is a zip, not a project');
    await expectRefused(path, /corrupt\.wfosaudit: is not a project file: not valid JSON/);
  });

  it('says a truncated file was cut short', async () => {
    const path = join(tempDir(), 'truncated.wfosaudit');
    const text = serializeProject(auditedDemo());
    writeFileSync(path, text.slice(0, Math.floor(text.length * 0.6)));
    await expectRefused(path, /truncated\.wfosaudit: is cut short \(truncated\)/);
  });

  it('says an empty file is not a saved project', async () => {
    const path = join(tempDir(), 'empty.wfosaudit');
    writeFileSync(path, '');
    await expectRefused(path, /is empty/);
  });

  it('refuses a file of a newer format version and says to update the app', async () => {
    const path = join(tempDir(), 'newer.wfosaudit');
    const newer = { ...JSON.parse(serializeProject(demoProject())), version: PROJECT_VERSION + 1, somethingNew: { kept: true } };
    writeFileSync(path, JSON.stringify(newer));
    await expectRefused(path, new RegExp(`saved by a newer WFOS Firewall Audit \\(project format version ${PROJECT_VERSION + 1}; this version reads up to ${PROJECT_VERSION}\\).*not changed`));
  });

  it('refuses JSON that is not a project, and a project with a damaged field, naming the field', async () => {
    const dir = tempDir();
    const other = join(dir, 'other.wfosaudit');
    writeFileSync(other, JSON.stringify({ schema: 'wfos-audit/1', flows: [] }));
    await expectRefused(other, /is not a WFOS audit project/);

    const damaged = join(dir, 'damaged.wfosaudit');
    const data = JSON.parse(serializeProject(demoProject()));
    data.sources[0].bytes = 'many';
    writeFileSync(damaged, JSON.stringify(data));
    await expectRefused(damaged, /is damaged: sources\[0\]\.bytes/);
  });

  it('refuses a project whose configuration was edited outside the app: the evidence hash no longer matches', async () => {
    const path = join(tempDir(), 'tampered.wfosaudit');
    const data = JSON.parse(serializeProject(auditedDemo()));
    // Someone "fixes" the firewall in the saved evidence instead of on the device.
    data.sources[0].content.text = data.sources[0].content.text.replace('AES-TSAPI-LEGACY inactive', 'AES-TSAPI-LEGACY');
    writeFileSync(path, JSON.stringify(data));
    await expectRefused(path, /evidence of source "dal-dc-fw01" \(dal-dc-fw01\.txt\) does not match its recorded SHA-256.*changed outside the app/);
  });

  it('refuses a symbolic link rather than following it', async () => {
    const dir = tempDir();
    const target = join(dir, 'real.wfosaudit');
    await writeProjectFile(target, demoProject());
    const link = join(dir, 'link.wfosaudit');
    symlinkSync(target, link);
    await expect(readProjectFile(link)).rejects.toThrow(/symbolic link/);
  });

  it('leaves the saved project intact when a save is interrupted before the rename', async () => {
    const dir = tempDir();
    const path = join(dir, 'site.wfosaudit');
    const original = demoProject();
    await writeProjectFile(path, original);
    const before = readFileSync(path);

    const changed = { ...original, site: { ...original.site, customer: 'Somebody else' } };
    const failingRename = (async () => {
      throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
    }) as unknown as typeof rename;
    await expect(writeProjectFile(path, changed, { ...nodeIo, rename: failingRename })).rejects.toThrow(/site\.wfosaudit: not saved \(EIO\); the file on disk is unchanged/);

    expect(readFileSync(path).equals(before)).toBe(true);
    expect((await readProjectFile(path)).site.customer).toBe('Acme Corp');
    // The temporary file is cleaned up.
    expect(readdirSync(dir)).toEqual(['site.wfosaudit']);
  });

  it('writes a new file only once it is complete: a failed first save leaves nothing behind', async () => {
    const dir = tempDir();
    const path = join(dir, 'first.wfosaudit');
    const failingRename = (async () => {
      throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
    }) as unknown as typeof rename;
    await expect(writeProjectFile(path, demoProject(), { ...nodeIo, rename: failingRename })).rejects.toThrow(/ENOSPC/);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
