import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file operations an atomic write needs; tests replace one to make it fail. */
export interface AtomicWriteIo {
  open: typeof open;
  rename: typeof rename;
  unlink: typeof unlink;
}

export const nodeIo: AtomicWriteIo = { open, rename, unlink };

/**
 * Replaces `path` with `data` so that a crash or a full disk at any moment leaves either the
 * old file or the new one, never half of either: write a temporary file beside it, flush it to
 * the disk, rename it over the target, then flush the directory so the rename itself survives
 * a power cut. On any failure the temporary file is removed and the target is untouched.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, io: AtomicWriteIo = nodeIo): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await io.open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await io.rename(temporary, path);
  } catch (error) {
    await io.unlink(temporary).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(path), io);
}

/** Windows cannot open a directory for flushing; there the rename is as durable as it gets. */
async function syncDirectory(directory: string, io: AtomicWriteIo): Promise<void> {
  let handle;
  try {
    handle = await io.open(directory, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw error;
  } finally {
    await handle?.close();
  }
}
