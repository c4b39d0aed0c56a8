// The Will field's own markup. A line "- [ ] …" asks for an action; once logged it reads
// "- [logged] …". Older versions wrote "- [x] …" there, which everyone reads as "done", so it is
// still understood but never written.
const marker = /^\s*[-*+]\s*\[(?:\s?|x|logged)\]\s*/i;
const loggedMarker = /^\s*[-*+]\s*\[(?:x|logged)\]/i;

/** A line that becomes an action when Enter is pressed at its end; its text is group 1. */
export const taskLine = /^\s*-\s*\[\s?\]\s+(.+)$/;

export const loggedLine = (actionText: string) => `- [logged] ${actionText}`;

export const isLoggedLine = (line: string) => loggedMarker.test(line);

type WillLine = { text: string; logged: boolean };

/** Each line of Will as prose, without the markers, and whether it was logged as an action. */
export const willLines = (will: string): WillLine[] =>
  will.split(/\r\n|\r|\n/).map((line) => ({ text: line.replace(marker, '').trimEnd(), logged: isLoggedLine(line) }));
