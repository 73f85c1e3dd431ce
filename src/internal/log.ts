import { redactSecrets } from '../core/errors.js';

export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** Every level, quietest first. */
export const LOG_LEVELS: readonly LogLevel[] = ['off', 'error', 'warn', 'info', 'debug'];

/** Where log lines go. Default: `console`. */
export interface Logger {
  error?: (message: string) => void;
  warn?: (message: string) => void;
  info?: (message: string) => void;
  debug?: (message: string) => void;
}

const RANK: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

/** A logger that drops lines below `level` and scrubs anything that looks like a secret from every line. */
export function createLogger(level: LogLevel, sink: Logger = console): Required<Logger> & { level: LogLevel } {
  const at = (lineLevel: Exclude<LogLevel, 'off'>) => (message: string): void => {
    if (RANK[lineLevel] > RANK[level]) return;
    sink[lineLevel]?.(redactSecrets(message));
  };
  return { level, error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}
