import pino, { type Logger } from 'pino';

/**
 * The server's logger. Secrets never reach a log line: whatever the field is
 * nested in, passwords, tokens, device keys and verification codes are cut.
 */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'deviceKey',
  '*.deviceKey',
  'verificationCode',
  '*.verificationCode',
  '*.*.verificationCode',
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'key',
  '*.key',
];

export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env['YIZHAN_LOG_LEVEL'] ?? 'info',
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      base: { app: 'yizhan' },
    },
    options.destination,
  );
}
