// Searches a browser profile, or any file, for a string the way someone who copied it would:
// every byte, in the encodings the browser stores text in (UTF-8/Latin-1 and V8's UTF-16LE), and
// inside every gzip stream found in the bytes (a backup's payload; compression would hide it).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const encodings = (marker: string) => [Buffer.from(marker, 'utf8'), Buffer.from(marker, 'utf16le')];

function gzipStreams(bytes: Buffer): Buffer[] {
  const found: Buffer[] = [];
  for (
    let at = bytes.indexOf('\x1f\x8b\x08', 0, 'latin1');
    at >= 0;
    at = bytes.indexOf('\x1f\x8b\x08', at + 1, 'latin1')
  ) {
    try {
      found.push(gunzipSync(bytes.subarray(at)));
    } catch {
      // Not a stream after all: three bytes that happened to look like its start.
    }
  }
  return found;
}

function filesUnder(path: string): string[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return [];
  if (stat.isFile()) return [path];
  if (!stat.isDirectory()) return [];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}

/** Where `marker` was found in `bytes`, with what surrounds it (printable characters only), or null. */
function hitIn(bytes: Buffer, marker: string): string | null {
  for (const encoded of encodings(marker)) {
    const at = bytes.indexOf(encoded);
    if (at >= 0)
      return bytes
        .subarray(Math.max(0, at - 120), at + 60)
        .toString('latin1')
        .replace(/[^\x20-\x7e]/g, '.');
  }
  return null;
}

/** The files (under `path`) whose bytes hold `marker`, in the clear or in a gzip stream, each
 * with the text around the first place it was found. */
export function filesHolding(path: string, marker: string): string[] {
  const files = filesUnder(path);
  if (files.length === 0) throw new Error(`Nothing to search at ${path}`);
  return files.flatMap((file) => {
    const bytes = readFileSync(file);
    const hit = [bytes, ...gzipStreams(bytes)].map((chunk) => hitIn(chunk, marker)).find((found) => found !== null);
    return hit ? [`${file}: …${hit}…`] : [];
  });
}
