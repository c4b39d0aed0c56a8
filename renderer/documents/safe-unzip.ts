// Opens a ZIP package (.docx/.xlsx) from bytes nobody vouched for. It reads the central directory
// itself and inflates each entry in small steps, counting the bytes it really produces, so a
// "zip bomb" is stopped at the cap instead of filling memory, whatever sizes the headers claim.
import { Inflate, zipSync, type Zippable } from 'fflate';
import { fail, ok, type Result } from '../../shared/result';
import { decodeUtf8 } from './xml-text';

export const MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
/** XML compresses well, but not this well unless it was built to explode. */
export const MAX_COMPRESSION_RATIO = 200;
const RATIO_APPLIES_ABOVE_BYTES = 1024 * 1024;
const MAX_ENTRIES = 2000;
const INFLATE_STEP = 16 * 1024;

export type ZipEntries = Map<string, Uint8Array>;

const u16 = (data: Uint8Array, at: number) => data[at] | (data[at + 1] << 8);
const u32 = (data: Uint8Array, at: number) =>
  (data[at] | (data[at + 1] << 8) | (data[at + 2] << 16) | (data[at + 3] << 24)) >>> 0;

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

const bombMessage = (detail: string) =>
  `This file unpacks to ${detail}, far more than any template needs; it looks like a "zip bomb", so it was refused.`;

class ZipProblem extends Error {}

function findEndOfCentralDirectory(data: Uint8Array): number {
  const earliest = Math.max(0, data.length - 22 - 0xffff);
  for (let at = data.length - 22; at >= earliest; at--) {
    if (u32(data, at) === 0x06054b50) return at;
  }
  throw new ZipProblem('the file is damaged: its table of contents is missing');
}

type DirectoryEntry = { name: string; method: number; compressedSize: number; size: number; localOffset: number };

function readDirectory(data: Uint8Array): DirectoryEntry[] {
  const end = findEndOfCentralDirectory(data);
  const count = u16(data, end + 10);
  let at = u32(data, end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new ZipProblem('the file uses ZIP64, which templates never need');
  if (count > MAX_ENTRIES) throw new ZipProblem(`the file holds ${count} parts; a template has far fewer`);
  const entries: DirectoryEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || u32(data, at) !== 0x02014b50) throw new ZipProblem('the file is damaged');
    const flags = u16(data, at + 8);
    const nameLength = u16(data, at + 28);
    const entry = {
      name: decodeUtf8(data.subarray(at + 46, at + 46 + nameLength)),
      method: u16(data, at + 10),
      compressedSize: u32(data, at + 20),
      size: u32(data, at + 24),
      localOffset: u32(data, at + 42),
    };
    if (flags & 1) {
      throw new ZipProblem(
        'the file is password-protected; remove the password in Word or Excel, save, and import it again',
      );
    }
    entries.push(entry);
    at += 46 + nameLength + u16(data, at + 30) + u16(data, at + 32);
  }
  return entries;
}

function checkDeclaredSizes(entries: DirectoryEntry[]): void {
  const total = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (total > MAX_UNCOMPRESSED_BYTES) throw new ZipProblem(bombMessage(megabytes(total)));
  for (const entry of entries) {
    const ratio = entry.size / Math.max(1, entry.compressedSize);
    if (entry.size > RATIO_APPLIES_ABOVE_BYTES && ratio > MAX_COMPRESSION_RATIO) {
      throw new ZipProblem(bombMessage(`${megabytes(entry.size)} from ${entry.compressedSize} bytes (${entry.name})`));
    }
  }
}

function entryData(data: Uint8Array, entry: DirectoryEntry): Uint8Array {
  const at = entry.localOffset;
  if (at + 30 > data.length || u32(data, at) !== 0x04034b50)
    throw new ZipProblem(`the file is damaged near ${entry.name}`);
  const start = at + 30 + u16(data, at + 26) + u16(data, at + 28);
  const end = start + entry.compressedSize;
  if (end > data.length) throw new ZipProblem(`the file is cut short near ${entry.name}`);
  return data.subarray(start, end);
}

/** Inflates in steps and stops as soon as the output passes what the entry declared or the budget. */
function inflateBounded(compressed: Uint8Array, entry: DirectoryEntry, budget: number): Uint8Array {
  const limit = Math.min(entry.size, budget);
  const output = new Uint8Array(entry.size);
  let written = 0;
  const inflate = new Inflate((chunk) => {
    if (written + chunk.length > limit) {
      throw new ZipProblem(
        written + chunk.length > budget
          ? bombMessage(`more than ${megabytes(MAX_UNCOMPRESSED_BYTES)}`)
          : `the file is damaged: ${entry.name} is longer than its header says`,
      );
    }
    output.set(chunk, written);
    written += chunk.length;
  });
  for (let at = 0; at < compressed.length; at += INFLATE_STEP) {
    inflate.push(compressed.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= compressed.length);
  }
  if (compressed.length === 0) inflate.push(new Uint8Array(0), true);
  if (written !== entry.size)
    throw new ZipProblem(`the file is damaged: ${entry.name} is shorter than its header says`);
  return output;
}

function isLegacyOfficeFile(data: Uint8Array): boolean {
  return data.length >= 8 && u32(data, 0) === 0xe011cfd0 && u32(data, 4) === 0xe11ab1a1;
}

/** The entries of a ZIP package, or a message saying why it cannot be opened safely. */
export function safeUnzip(data: Uint8Array): Result<ZipEntries> {
  if (isLegacyOfficeFile(data)) {
    return fail('This is an older Word or Excel file (.doc or .xls). Save it as .docx or .xlsx and import it again.');
  }
  if (data.length < 22 || u32(data, 0) !== 0x04034b50) {
    return fail('This file is not a Word (.docx) or Excel (.xlsx) document: it is not a ZIP package.');
  }
  try {
    const directory = readDirectory(data);
    checkDeclaredSizes(directory);
    const entries: ZipEntries = new Map();
    let budget = MAX_UNCOMPRESSED_BYTES;
    for (const entry of directory) {
      if (entry.name.endsWith('/')) continue;
      const compressed = entryData(data, entry);
      let content: Uint8Array;
      if (entry.method === 0) {
        if (entry.size !== entry.compressedSize) throw new ZipProblem(`the file is damaged near ${entry.name}`);
        content = compressed.slice();
      } else if (entry.method === 8) {
        content = inflateBounded(compressed, entry, budget);
      } else {
        throw new ZipProblem(`${entry.name} uses a compression method Word and Excel do not write`);
      }
      budget -= content.length;
      entries.set(entry.name, content);
    }
    return ok(entries);
  } catch (error) {
    if (error instanceof ZipProblem) return fail(capitalise(error.message));
    return fail(
      `The file is damaged and cannot be opened (${error instanceof Error ? error.message : 'unknown error'}).`,
    );
  }
}

const capitalise = (text: string) => text[0].toUpperCase() + text.slice(1) + (text.endsWith('.') ? '' : '.');

/** Packs entries back into a ZIP, in the order given (so [Content_Types].xml stays first). */
export function zipEntries(entries: ZipEntries): Uint8Array {
  const files: Zippable = {};
  for (const [name, content] of entries) files[name] = [content, { level: 6 }];
  return zipSync(files);
}
