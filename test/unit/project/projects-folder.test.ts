import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listProjectFiles, projectFileName, ProjectNameError, ProjectsFolder } from '../../../src-main/core/project/index';
import { tempDir } from './helpers';

describe('the projects folder: the only place the renderer can name', () => {
  it('takes a plain name and adds the extension', () => {
    expect(projectFileName('Acme Dallas 2026-11')).toBe('Acme Dallas 2026-11.wfosaudit');
    expect(projectFileName(' acme.wfosaudit ')).toBe('acme.wfosaudit');
  });

  it.each([
    ['../../etc/passwd', /cannot contain/],
    ['..', /cannot start with a dot/],
    ['.hidden', /cannot start with a dot/],
    ['C:evil', /cannot contain/],
    ['a\\b', /cannot contain/],
    ['/etc/shadow', /cannot contain/],
    ['name\u0000.wfosaudit', /control characters/],
    ['', /give the project a name/],
    ['trailing.', /cannot end with a dot/],
    ['x'.repeat(121), /at most 120/],
  ])('refuses %j', (name, message) => {
    expect(() => projectFileName(name)).toThrow(ProjectNameError);
    expect(() => projectFileName(name)).toThrow(message);
  });

  it('resolves names inside the folder only, and refuses a symbolic link planted there', async () => {
    const dir = tempDir();
    const folder = new ProjectsFolder(join(dir, 'projects'));
    const root = await folder.root();
    expect(await folder.pathOf('acme')).toBe(join(root, 'acme.wfosaudit'));
    writeFileSync(join(dir, 'secret.wfosaudit'), '{}');
    symlinkSync(join(dir, 'secret.wfosaudit'), join(root, 'planted.wfosaudit'));
    await expect(folder.pathOf('planted')).rejects.toThrow(/symbolic link/);
    expect(await folder.contains(join(root, 'acme.wfosaudit'))).toBe(true);
    expect(await folder.contains(join(dir, 'secret.wfosaudit'))).toBe(false);
  });

  it('lists the project files in it, not links, hidden files or folders', async () => {
    const folder = new ProjectsFolder(join(tempDir(), 'projects'));
    const root = await folder.root();
    writeFileSync(join(root, 'one.wfosaudit'), '{}');
    writeFileSync(join(root, '.one.wfosaudit.123.tmp'), '{}');
    writeFileSync(join(root, 'notes.txt'), '');
    mkdirSync(join(root, 'folder.wfosaudit'));
    symlinkSync(join(root, 'one.wfosaudit'), join(root, 'link.wfosaudit'));
    expect((await listProjectFiles(folder)).map((file) => file.name)).toEqual(['one.wfosaudit']);
  });
});
