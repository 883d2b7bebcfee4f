// What never reaches a log line. Top-level keys (of a line or a child logger's bindings) go through
// pino's `redact`, which costs nothing when the key is absent. One level down (`{ body: { password } }`)
// is checked here, once per line: pino's wildcard paths (`*.password`) ran the generic redactor on
// every value of every line and child logger, a measurable share of a request (docs/benchmarks.md).

export const REDACTION_CENSOR = '[REDACTED]';

export const SENSITIVE_KEYS: ReadonlySet<string> = new Set([
  'password',
  'token',
  'accessToken',
  'refreshToken',
  'authorization',
  'cookie',
  'secret',
  'apiKey',
]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The object with sensitive keys one level down censored; copies only what changes, never mutates. */
export function redactNestedSecrets(line: Record<string, unknown>): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const key in line) {
    const value = line[key];
    if (!isPlainObject(value)) continue;
    let nestedCopy: Record<string, unknown> | undefined;
    for (const nestedKey in value) {
      if (SENSITIVE_KEYS.has(nestedKey)) (nestedCopy ??= { ...value })[nestedKey] = REDACTION_CENSOR;
    }
    if (nestedCopy) (copy ??= { ...line })[key] = nestedCopy;
  }
  return copy ?? line;
}
