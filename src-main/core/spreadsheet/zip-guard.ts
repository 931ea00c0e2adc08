import { inflateRawSync } from 'node:zlib';
import { limitError, SpreadsheetError, type SpreadsheetLimits } from './limits';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_EXTRA = 0x0001;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
}

/**
 * Checks an xlsx (a zip) before SheetJS unpacks it, from the zip's own directory. This is done
 * here, with a small reader bounded by the file's length, because SheetJS inflates every entry
 * to whatever size the entry's local header declares, and without limit when it declares none:
 * a few kilobytes can claim gigabytes. So the declared sizes are held to the limits, local
 * headers must agree with the directory (SheetJS trusts the local ones), ZIP64 is refused
 * (no spreadsheet under 32 MiB needs it), and each compressed entry is inflated once with
 * zlib capped at its declared size, so a size that lies is caught too.
 */
export function checkXlsxZip(bytes: Uint8Array, file: string, limits: SpreadsheetLimits): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = (why: string): SpreadsheetError => new SpreadsheetError(`${file}: not a usable xlsx (${why})`);
  const at = endOfCentralDirectory(view);
  if (at === undefined) throw damaged('the zip directory is missing');
  const entryCount = view.getUint16(at + 10, true);
  const directoryOffset = view.getUint32(at + 16, true);
  if (entryCount === 0xffff || directoryOffset === 0xffffffff) throw damaged('ZIP64 archives are not accepted');
  if (entryCount > limits.zipEntries) throw limitError(file, 'in the xlsx zip', entryCount, limits.zipEntries, 'entries');

  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  let declaredTotal = 0;
  for (let index = 0; index < entryCount; index++) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== CENTRAL) throw damaged('a zip directory entry is cut short');
    const method = view.getUint16(offset + 10, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const uncompressedSize = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const localOffset = view.getUint32(offset + 42, true);
    const nameEnd = offset + 46 + nameLength;
    if (nameEnd + extraLength > view.byteLength) throw damaged('a zip directory entry is cut short');
    const name = new TextDecoder('utf-8').decode(bytes.subarray(offset + 46, nameEnd));
    if (hasZip64Extra(view, nameEnd, extraLength)) throw damaged(`${name} uses ZIP64 sizes`);
    const entry = { name, method, compressedSize, uncompressedSize };
    declaredTotal += uncompressedSize;
    if (declaredTotal > limits.uncompressedBytes) throw limitError(file, 'once unpacked', declaredTotal, limits.uncompressedBytes, 'bytes');
    checkRatio(entry, file, limits);
    checkLocalHeader(view, bytes, localOffset, entry, damaged);
    entries.push(entry);
    offset = nameEnd + extraLength + commentLength;
  }
  return entries;
}

/** Found scanning back from the end, the record SheetJS itself will use. */
function endOfCentralDirectory(view: DataView): number | undefined {
  for (let index = view.byteLength - 4; index >= 0 && index >= view.byteLength - 65_557; index--) {
    if (view.getUint32(index, true) === EOCD) return index + 22 <= view.byteLength ? index : undefined;
  }
  return undefined;
}

function hasZip64Extra(view: DataView, start: number, length: number): boolean {
  for (let offset = start; offset + 4 <= start + length; offset += 4 + view.getUint16(offset + 2, true)) {
    if (view.getUint16(offset, true) === ZIP64_EXTRA) return true;
  }
  return false;
}

function checkRatio(entry: ZipEntry, file: string, limits: SpreadsheetLimits): void {
  if (entry.uncompressedSize <= limits.ratioFloorBytes) return;
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (ratio > limits.compressionRatio) {
    throw new SpreadsheetError(
      `${file}: ${entry.name} unpacks ${Math.round(ratio)} times its packed size (limit ${limits.compressionRatio}): a zip bomb, refused`,
    );
  }
}

function checkLocalHeader(view: DataView, bytes: Uint8Array, offset: number, entry: ZipEntry, damaged: (why: string) => SpreadsheetError): void {
  if (offset + 30 > view.byteLength || view.getUint32(offset, true) !== LOCAL) throw damaged(`${entry.name} has no local header`);
  const flags = view.getUint16(offset + 6, true);
  const localUncompressed = view.getUint32(offset + 22, true);
  const dataStart = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
  if (hasZip64Extra(view, offset + 30 + view.getUint16(offset + 26, true), view.getUint16(offset + 28, true))) {
    throw damaged(`${entry.name} uses ZIP64 sizes`);
  }
  if (flags & 0x41) throw damaged(`${entry.name} is encrypted`);
  // Writers that stream (bit 3) leave the local sizes zero and put them after the data.
  const streamed = (flags & 0x08) !== 0 && localUncompressed === 0;
  if (!streamed && localUncompressed !== entry.uncompressedSize) {
    throw damaged(`${entry.name} declares ${localUncompressed} bytes locally but ${entry.uncompressedSize} in the directory`);
  }
  if (dataStart + entry.compressedSize > bytes.byteLength) throw damaged(`${entry.name} runs past the end of the file`);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw damaged(`${entry.name} is stored with two different sizes`);
    return;
  }
  if (entry.method !== 8) throw damaged(`${entry.name} uses compression method ${entry.method}`);
  let actual: number;
  try {
    actual = inflateRawSync(bytes.subarray(dataStart, dataStart + entry.compressedSize), { maxOutputLength: Math.max(entry.uncompressedSize, 1) }).length;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw damaged(`${entry.name} unpacks to more than the ${entry.uncompressedSize} bytes it declares: a zip bomb, refused`);
    throw damaged(`${entry.name} does not unpack (${(error as Error).message})`);
  }
  if (actual !== entry.uncompressedSize) throw damaged(`${entry.name} unpacks to ${actual} bytes, not the ${entry.uncompressedSize} it declares`);
}
