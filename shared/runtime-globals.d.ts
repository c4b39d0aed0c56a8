// The one global both the browser and Node provide that shared code uses. Declared here because
// shared/ compiles without the DOM and without Node's types; the other projects exclude this file
// and take the full declaration from their own library.
interface SharedConsole {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}
declare const console: SharedConsole;
