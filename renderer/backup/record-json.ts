// Records as JSON text and back. JSON has no bytes, so a Uint8Array (a stored template) is written
// as {"__followthroughBytes__": "<base64>"} and read back as a Uint8Array; all else is plain JSON.
import { fromBase64, toBase64 } from '../base64';

const BYTES_TAG = '__followthroughBytes__';

export function recordsToJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item instanceof Uint8Array ? { [BYTES_TAG]: toBase64(item) } : item,
  );
}

/** Throws a SyntaxError on text that is not JSON, and on a bytes tag that is not base64. */
export function recordsFromJson(text: string): unknown {
  return JSON.parse(text, (_key, item: unknown) => {
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
      const tagged = (item as Record<string, unknown>)[BYTES_TAG];
      if (typeof tagged === 'string' && Object.keys(item).length === 1) return fromBase64(tagged);
    }
    return item;
  });
}

function withSortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withSortedKeys);
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, withSortedKeys(record[key])]),
  );
}

/** The same text for equal records whatever the order of their keys: for telling what changed. */
export const canonicalJson = (value: unknown): string => recordsToJson(withSortedKeys(value));
