import { lstat, readFile } from 'node:fs/promises';
import { writeFileAtomic, type AtomicWriteIo } from './atomic-write';
import { ProjectError } from './project-error';
import { PROJECT_FORMAT, PROJECT_VERSION, projectSchema, type Project } from './project-schema';
import { contentBytes, sha256Of } from './source-content';

/** Large enough for a few maximal sources in base64; below what one JavaScript string can hold. */
export const MAX_PROJECT_BYTES = 256 * 1024 * 1024;

/**
 * Reads a project file. Nothing here writes: a file that cannot be opened is reported with
 * what is wrong with it and left exactly as it was.
 */
export async function readProjectFile(path: string): Promise<Project> {
  let size: number;
  try {
    const stats = await lstat(path);
    if (stats.isSymbolicLink()) throw new ProjectError(path, 'is a symbolic link; open the file it points to instead');
    if (!stats.isFile()) throw new ProjectError(path, 'is not a file');
    size = stats.size;
  } catch (error) {
    if (error instanceof ProjectError) throw error;
    throw new ProjectError(path, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (size > MAX_PROJECT_BYTES) throw new ProjectError(path, `is ${mib(size)}, larger than the ${mib(MAX_PROJECT_BYTES)} a project file can be`);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new ProjectError(path, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parseProjectBytes(bytes, path);
}

/** Validates a project's bytes: JSON, format, version, schema, then every source's evidence hash. */
export function parseProjectBytes(bytes: Uint8Array, where: string): Project {
  if (bytes.byteLength === 0) throw new ProjectError(where, 'is empty: it is not a saved project (it may have been cut short while copying)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ProjectError(where, 'is not a project file: it is not UTF-8 text');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ProjectError(where, notJson(error as Error, text));
  }
  checkFormatAndVersion(data, where);
  const parsed = projectSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
    throw new ProjectError(where, `is damaged: ${at || 'top level'}: ${issue.message}`);
  }
  const project = parsed.data;
  for (const source of project.sources) {
    const bytesOfSource = contentBytes(source.content);
    const actual = sha256Of(bytesOfSource);
    if (actual !== source.sha256 || bytesOfSource.byteLength !== source.bytes) {
      throw new ProjectError(
        where,
        `the evidence of source "${source.name}" (${source.origin.fileName}) does not match its recorded SHA-256 ` +
          `(recorded ${source.sha256.slice(0, 16)}…, the content hashes to ${actual.slice(0, 16)}…): it was changed outside the app, so this project cannot be trusted`,
      );
    }
  }
  return project;
}

/** A parse that fails where the text ends means the file stops early: a save or copy cut short. */
function notJson(error: Error, text: string): string {
  const position = /at position (\d+)/.exec(error.message);
  const atEnd = position !== null && Number(position[1]) >= text.trimEnd().length;
  if (atEnd || /end of (JSON )?input|Unterminated string|Unexpected end/i.test(error.message)) {
    return 'is cut short (truncated): it ends before the project does, so it was not saved completely; open an earlier copy';
  }
  return `is not a project file: not valid JSON (${error.message})`;
}

function checkFormatAndVersion(data: unknown, where: string): void {
  if (typeof data !== 'object' || data === null || Array.isArray(data) || (data as { format?: unknown }).format !== PROJECT_FORMAT) {
    throw new ProjectError(where, `is not a WFOS audit project (it has no "format": "${PROJECT_FORMAT}")`);
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ProjectError(where, `is damaged: "version" is ${JSON.stringify(version)}, not a format version`);
  }
  if (version > PROJECT_VERSION) {
    throw new ProjectError(
      where,
      `was saved by a newer WFOS Firewall Audit (project format version ${version}; this version reads up to ${PROJECT_VERSION}): update the app to open it. The file was not changed`,
    );
  }
}

/** The project as it is written to disk. */
export function serializeProject(project: Project): string {
  return `${JSON.stringify(projectSchema.parse(project), null, 1)}\n`;
}

/** Saves atomically: the file on disk is the old project or the new one, never a mix. */
export async function writeProjectFile(path: string, project: Project, io?: AtomicWriteIo): Promise<void> {
  const data = serializeProject(project);
  const size = Buffer.byteLength(data);
  if (size > MAX_PROJECT_BYTES) throw new ProjectError(path, `not saved: the project is ${mib(size)}, larger than the ${mib(MAX_PROJECT_BYTES)} a project file can be; remove a source`);
  try {
    await writeFileAtomic(path, data, io);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ProjectError(path, `not saved (${code ?? (error as Error).message}); the file on disk is unchanged`);
  }
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0)} MiB`;
}
