// The limits of a calendar import, apart from the reader so the screen can check a file's size
// before loading ical.js.

export const MAX_CALENDAR_BYTES = 5 * 1024 * 1024;
/** How far ahead events are turned into planned sessions: today and the next 90 days. */
export const IMPORT_WINDOW_DAYS = 90;
