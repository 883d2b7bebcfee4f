// Which of our instrumentations start, read from the same variables auto-instrumentations-node uses
// (OTEL_NODE_ENABLED_INSTRUMENTATIONS, then OTEL_NODE_DISABLED_INSTRUMENTATIONS, comma-separated
// short names), so an operator can drop one that costs more than it tells without a rebuild.

export const INSTRUMENTATION_NAMES = ['http', 'fastify', 'nestjs-core', 'grpc', 'pino'] as const;
export type InstrumentationName = (typeof INSTRUMENTATION_NAMES)[number];

function namesIn(variable: string, value: string | undefined): InstrumentationName[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !(INSTRUMENTATION_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new Error(`${variable}: unknown instrumentation ${unknown.join(', ')} (known: ${INSTRUMENTATION_NAMES.join(', ')})`);
  }
  return names as InstrumentationName[];
}

/** The instrumentations to start; throws naming the variable when it lists an unknown one. */
export function selectedInstrumentations(
  env: NodeJS.ProcessEnv,
  defaults: readonly InstrumentationName[] = INSTRUMENTATION_NAMES,
): Set<InstrumentationName> {
  const enabled = namesIn('OTEL_NODE_ENABLED_INSTRUMENTATIONS', env['OTEL_NODE_ENABLED_INSTRUMENTATIONS']);
  const disabled = namesIn('OTEL_NODE_DISABLED_INSTRUMENTATIONS', env['OTEL_NODE_DISABLED_INSTRUMENTATIONS']) ?? [];
  return new Set((enabled ?? defaults).filter((name) => !disabled.includes(name)));
}
