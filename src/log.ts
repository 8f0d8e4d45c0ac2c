// One logger for the whole product: JSON lines on stderr, secrets masked before anything is written.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

// A webhook's secret sits in `/rest/<user>/<secret>/`; keep the user, hide the secret.
const webhookSecret = /(\/rest\/\d+\/)[^/\s"'?#]+/g;

/** Masks every webhook secret and every given secret value in a text. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(webhookSecret, '$1***');
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('***');
  return out;
}

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Secret values (keys, tokens) to mask wherever they appear. */
  secrets?: readonly string[];
  write?: (line: string) => void;
}

function describe(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}

export function createLogger(options: LoggerOptions = {}, bound: Record<string, unknown> = {}): Logger {
  const threshold = order[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const secrets = options.secrets ?? [];
  const log = (level: LogLevel, message: string, fields: Record<string, unknown> = {}) => {
    if (order[level] < threshold) return;
    const record: Record<string, unknown> = { time: new Date().toISOString(), level, message, ...bound };
    for (const [key, value] of Object.entries(fields)) record[key] = describe(value);
    write(redact(JSON.stringify(record), secrets));
  };
  return {
    debug: (m, f) => log('debug', m, f),
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
    child: (fields) => createLogger(options, { ...bound, ...fields }),
  };
}

/** A logger that drops everything (tests, benchmarks). */
export const silentLogger: Logger = createLogger({ write: () => {} });
