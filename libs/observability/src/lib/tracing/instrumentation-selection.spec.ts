import { selectedInstrumentations } from './instrumentation-selection';

describe('selectedInstrumentations', () => {
  const defaults = ['http', 'fastify', 'grpc'] as const;

  it('starts the defaults when neither variable is set', () => {
    expect([...selectedInstrumentations({}, defaults)]).toEqual(['http', 'fastify', 'grpc']);
  });

  it('replaces the defaults with OTEL_NODE_ENABLED_INSTRUMENTATIONS and then drops the disabled ones', () => {
    const env = { OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'fastify, pino,grpc', OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'grpc' };
    expect([...selectedInstrumentations(env, defaults)]).toEqual(['fastify', 'pino']);
    expect([...selectedInstrumentations({ OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'http' }, defaults)]).toEqual(['fastify', 'grpc']);
  });

  it('names the variable and the known instrumentations when one is unknown', () => {
    expect(() => selectedInstrumentations({ OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'http,express' }, defaults)).toThrow(
      'OTEL_NODE_DISABLED_INSTRUMENTATIONS: unknown instrumentation express (known: http, fastify, nestjs-core, grpc, pino)',
    );
  });
});
