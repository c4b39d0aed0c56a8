// A named logger per module, so a line in the console says where it came from.
type Logger = Record<'debug' | 'info' | 'warn' | 'error', (...args: unknown[]) => void>;

export function createLogger(name: string): Logger {
  const prefix = `[${name}]`;
  return {
    debug: (...args) => console.debug(prefix, ...args),
    info: (...args) => console.info(prefix, ...args),
    warn: (...args) => console.warn(prefix, ...args),
    error: (...args) => console.error(prefix, ...args),
  };
}
