// Reads a calendar file off the main thread: a 5 MB file of 8,000 events takes ical.js seconds,
// which the coach would otherwise feel as a frozen window.
import { errorMessage } from '../../shared/result';
import { readCalendar, type CalendarReadResult, type ReadOptions } from './ics-import';

export type ImportRequest = ReadOptions & { bytes: Uint8Array };
export type ImportReply = { ok: true; result: CalendarReadResult } | { ok: false; error: string };

self.onmessage = ({ data }: MessageEvent<ImportRequest>) => {
  const { bytes, ...options } = data;
  let reply: ImportReply;
  try {
    reply = { ok: true, result: readCalendar(bytes, options) };
  } catch (error) {
    reply = { ok: false, error: errorMessage(error) };
  }
  self.postMessage(reply);
};
