import { createHash } from 'node:crypto';
import type { SourceContent } from './project-schema';

/** The original bytes of a stored source. */
export function contentBytes(content: SourceContent): Buffer {
  return content.encoding === 'utf8' ? Buffer.from(content.text, 'utf8') : Buffer.from(content.data, 'base64');
}

/**
 * Stores text as text (readable in the file, diffable) only when it reads back to the very
 * same bytes; anything else (a workbook, Windows-1252, a stray invalid byte) as base64, so
 * the evidence hash always holds.
 */
export function contentOf(bytes: Uint8Array): SourceContent {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buffer.toString('utf8');
  if (!text.includes('\0') && Buffer.from(text, 'utf8').equals(buffer)) return { encoding: 'utf8', text };
  return { encoding: 'base64', data: buffer.toString('base64') };
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The text of a source for showing lines, when it is text at all. */
export function contentText(content: SourceContent): string | undefined {
  return content.encoding === 'utf8' ? content.text : undefined;
}
