import { Logger as HiveLogger, type LogLevel as HiveLevel } from '@graphql-hive/logger';
import type { Logger, LogLevel } from './logger.js';

/** Our levels for the runtime's: it also has `trace`, which we write as `debug`. */
const LEVEL: Record<HiveLevel, LogLevel> = { trace: 'debug', debug: 'debug', info: 'info', warn: 'warn', error: 'error' };

/**
 * The Hive runtime's own logger (`@graphql-hive/logger`), writing through our JSON logger, so
 * the runtime's lines and ours share one format, one clock and one level filter.
 */
export function hiveLogger(log: Logger, level: LogLevel): HiveLogger {
  return new HiveLogger({
    level,
    writers: [{
      write(hiveLevel, attrs, msg) {
        log[LEVEL[hiveLevel]](msg ?? '', ...(attrs && typeof attrs === 'object' && !Array.isArray(attrs) ? [attrs] : []));
      },
    }],
  });
}
