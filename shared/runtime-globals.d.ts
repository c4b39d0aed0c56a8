// The globals both the browser and Node provide that shared code uses. Declared here because
// shared/ compiles without the DOM and without Node's types; the other projects exclude this file
// and take the full declaration from their own library.
interface SharedConsole {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}
declare const console: SharedConsole;

/** The parts of the WHATWG URL parser shared code reads. */
interface URL {
  readonly protocol: string;
  readonly hostname: string;
}
declare const URL: { new (url: string, base?: string): URL };
