// File names for exported documents that every file system accepts and a coach recognises.
import type { CalendarDate } from '../../shared/model';

const forbidden = /[\\/:*?"<>|\p{Cc}]+/gu;

export function safeFileName(name: string, extension: string): string {
  const base = name.replace(forbidden, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, 150) || 'Document';
  return `${base}.${extension}`;
}

export const datedFileName = (date: CalendarDate, subject: string, label: string, extension: string) =>
  safeFileName(`${date} ${subject} - ${label}`, extension);

/** Names made unique within one archive: a second "x.docx" becomes "x (2).docx". */
export function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const key = name.toLowerCase();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? name : name.replace(/(\.[^.]+)$/, ` (${count})$1`);
  });
}
