/** A log line's fields besides time, level and message. */
export type LogFields = Record<string, unknown>;
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * Structured logs: one JSON object a line, with the time from the injected clock. The Hive
 * runtime's own logs (Mesh's Logger interface: log/info/warn/error/debug/child) go through it too.
 */
export interface Logger {
  readonly name?: string;
  log(...args: unknown[]): void;
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  child(name: string | Record<string, string | number>): Logger;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface JsonLoggerOptions {
  readonly level: LogLevel;
  readonly now: () => Date;
  readonly write?: (line: string) => void;
  readonly context?: LogFields;
}

/** Creates a JSON-lines logger writing to stderr (or `write`). */
export function jsonLogger(options: JsonLoggerOptions): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const context = options.context ?? {};
  const emit = (level: LogLevel) => (...args: unknown[]) => {
    if (ORDER[level] < ORDER[options.level]) return;
    write(JSON.stringify({ time: options.now().toISOString(), level, ...context, ...toFields(args) }));
  };
  return {
    name: typeof context.logger === 'string' ? context.logger : undefined,
    log: emit('info'),
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    child: (name) => jsonLogger({ ...options, context: { ...context, ...(typeof name === 'string' ? { logger: name } : name) } }),
  };
}

/**
 * The strings are the message; objects are merged as fields; errors keep their message only. A
 * line always has a message: given none (the runtime logs an error object alone, as
 * `{ message, extensions }`), it is the error's own.
 */
function toFields(args: readonly unknown[]): LogFields {
  const fields: LogFields = {};
  const words: string[] = [];
  for (const arg of args) {
    const value = typeof arg === 'function' ? (arg as () => unknown)() : arg;
    if (value instanceof Error) fields.error = value.message;
    else if (typeof value === 'object' && value !== null && !Array.isArray(value)) Object.assign(fields, value);
    else if (value !== undefined && value !== '') words.push(typeof value === 'string' ? value : JSON.stringify(value));
  }
  if (words.length > 0) return { msg: words.join(' '), ...fields };
  const { message, ...rest } = fields;
  if (typeof message === 'string' && message !== '') return { msg: message, ...rest };
  return { msg: typeof fields.error === 'string' && fields.error !== '' ? fields.error : 'no message', ...fields };
}
