import { lstat, mkdir, readdir, realpath } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PROJECT_EXTENSION } from './project-schema';

/** A project name the renderer sent that cannot be a file in the projects folder. */
export class ProjectNameError extends Error {
  override name = 'ProjectNameError';
}

/**
 * The one rule for where the renderer may open and save projects: a plain file name inside
 * the configured projects folder. No separators, no `..`, no drive letters or streams, no
 * hidden or control characters, and never through a symbolic link, so no request can read or
 * write anything else on the machine, whichever transport (IPC or loopback HTTP) carried it.
 */
export function projectFileName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new ProjectNameError('give the project a name');
  if (trimmed.length > 120) throw new ProjectNameError('a project name can be at most 120 characters');
  if (/[/\\:*?"<>|]/.test(trimmed)) throw new ProjectNameError(`"${trimmed}": a project name cannot contain / \\ : * ? " < > |`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) throw new ProjectNameError('a project name cannot contain control characters');
  if (trimmed.startsWith('.')) throw new ProjectNameError(`"${trimmed}": a project name cannot start with a dot`);
  const withExtension = trimmed.toLowerCase().endsWith(PROJECT_EXTENSION) ? trimmed : `${trimmed}${PROJECT_EXTENSION}`;
  if (/[. ]$/.test(withExtension.slice(0, -PROJECT_EXTENSION.length))) throw new ProjectNameError(`"${trimmed}": a project name cannot end with a dot or a space`);
  return withExtension;
}

export class ProjectsFolder {
  constructor(readonly directory: string) {}

  /** The real path of the folder, created on first use. */
  async root(): Promise<string> {
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    return realpath(this.directory);
  }

  /** The path a project name stands for; refuses a symbolic link where the project would be. */
  async pathOf(name: string): Promise<string> {
    const root = await this.root();
    const path = join(root, projectFileName(name));
    if (dirname(path) !== root) throw new ProjectNameError(`"${name}" is not a file in the projects folder`);
    try {
      if ((await lstat(path)).isSymbolicLink()) throw new ProjectNameError(`${path} is a symbolic link: projects are opened and saved only as plain files in ${root}`);
    } catch (error) {
      if (error instanceof ProjectNameError) throw error;
    }
    return path;
  }

  /** Whether a path (from the recent list) is a project file directly in this folder. */
  async contains(path: string): Promise<boolean> {
    const root = await this.root();
    return dirname(path) === root && path.toLowerCase().endsWith(PROJECT_EXTENSION);
  }
}

export interface ProjectFileEntry {
  name: string;
  modifiedAt: string;
  bytes: number;
}

/** The project files in a folder, newest first; links and hidden files are not listed. */
export async function listProjectFiles(folder: ProjectsFolder): Promise<ProjectFileEntry[]> {
  const root = await folder.root();
  const entries: ProjectFileEntry[] = [];
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith('.') || !entry.name.toLowerCase().endsWith(PROJECT_EXTENSION)) continue;
    try {
      const stats = await lstat(join(root, entry.name));
      entries.push({ name: entry.name, modifiedAt: stats.mtime.toISOString(), bytes: stats.size });
    } catch {
      // Removed while listing: not there to open.
    }
  }
  return entries.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt)).slice(0, 200);
}
