// The tracing preload as a real process: `node --require instrumentation … main`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const WORKSPACE_ROOT = join(__dirname, '..', '..', '..');
const PRELOAD = join(__dirname, 'instrumentation.ts');

function runWithPreload(script: string, env: Record<string, string> = {}, nodeFlags: string[] = []) {
  const result = spawnSync(process.execPath, [...nodeFlags, '-r', '@swc-node/register', '-r', PRELOAD, '-e', script], {
    cwd: WORKSPACE_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('OTEL_'))),
      SWC_NODE_PROJECT: join(WORKSPACE_ROOT, 'libs/observability/tsconfig.json'),
      ...env,
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Which tracer provider the global API hands out: the SDK's once tracing started, the no-op one otherwise.
const PROVIDER = "require('@opentelemetry/api').trace.getTracerProvider().getDelegate().constructor.name";

jest.setTimeout(90_000);

describe('the tracing preload', () => {
  it('starts tracing in the main thread only, not in worker threads that inherit it', () => {
    const script = `
      const { Worker } = require('node:worker_threads');
      console.log('main ' + ${PROVIDER});
      const worker = new Worker(${JSON.stringify(`console.log('worker ' + ${PROVIDER});`)}, { eval: true });
      worker.on('exit', () => process.exit(0));`;
    const { status, stdout, stderr } = runWithPreload(script);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const main = /^main (\w+)$/m.exec(stdout)?.[1];
    expect(main).toBeDefined();
    expect(main).not.toBe('NoopTracerProvider');
    expect(stdout).toMatch(/^worker NoopTracerProvider$/m);
  });

  it('hands every later require of the API and core the same values as fast-mode objects (fast-exports.ts)', () => {
    const script = `
      const load = require('node:module').createRequire(require('node:path').join(process.cwd(), 'index.js'));
      const api = load('@opentelemetry/api');
      const core = load('@opentelemetry/core');
      const coreSource = load('@opentelemetry/core/build/src/common/time.js');
      console.log(JSON.stringify({
        fast: [%HasFastProperties(api), %HasFastProperties(core)],
        sameValue: core.hrTime === coreSource.hrTime,
        esModule: [api.__esModule, core.__esModule, Object.keys(core).includes('__esModule')],
        sdkWorks: api.trace.getTracer('spec').startSpan('probe').spanContext().traceId.length,
      }));`;
    const { status, stdout, stderr } = runWithPreload(script, {}, ['--allow-natives-syntax']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ fast: [true, true], sameValue: true, esModule: [true, true, false], sdkWorks: 32 });
  });

  it('stops the process with one fatal JSON line when its configuration is wrong', () => {
    const { status, stdout, stderr } = runWithPreload("console.log('app started')", { OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http,express' });
    expect(status).toBe(1);
    expect(stdout).not.toContain('app started');
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'fatal', msg: expect.stringContaining('OTEL_NODE_ENABLED_INSTRUMENTATIONS: unknown instrumentation express') });
  });

  // What a process started with the preload sees: its provider, sampling, the headers it would send
  // and the resource of its spans, for the OTEL_* variables sdk-node used to read for it.
  const SDK_FACTS = `
    const api = require('@opentelemetry/api');
    const span = api.trace.getTracer('spec').startSpan('probe');
    const carrier = {};
    const withBaggage = api.propagation.setBaggage(api.trace.setSpan(api.context.active(), span), api.propagation.createBaggage({ tenant: { value: 't1' } }));
    api.propagation.inject(withBaggage, carrier);
    const attributes = span.resource ? span.resource.attributes : {};
    console.log(JSON.stringify({ provider: ${PROVIDER}, recording: span.isRecording(), headers: Object.keys(carrier).sort(), attributes }));`;
  function sdkFacts(env: Record<string, string> = {}) {
    const { status, stdout, stderr } = runWithPreload(SDK_FACTS, env);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { provider: string; recording: boolean; headers: string[]; attributes: Record<string, unknown> };
  }

  it('honours the standard OTEL_* variables: propagators, sampler, resource detectors and attributes', () => {
    const defaults = sdkFacts({ OTEL_SERVICE_NAME: 'orders', OTEL_RESOURCE_ATTRIBUTES: 'team=core' });
    expect(defaults).toMatchObject({ recording: true, headers: ['baggage', 'traceparent'] });
    expect(defaults.attributes).toMatchObject({ 'service.name': 'orders', team: 'core', 'process.pid': expect.any(Number), 'host.name': expect.any(String) });

    const configured = sdkFacts({ OTEL_PROPAGATORS: 'tracecontext', OTEL_TRACES_SAMPLER: 'always_off', OTEL_NODE_RESOURCE_DETECTORS: 'env' });
    expect(configured).toMatchObject({ recording: false, headers: ['traceparent'] });
    expect(sdkFacts({ OTEL_PROPAGATORS: 'none', OTEL_NODE_RESOURCE_DETECTORS: 'none' })).toMatchObject({ headers: [] });
    const undetected = sdkFacts({ OTEL_NODE_RESOURCE_DETECTORS: 'none' });
    expect(undetected.attributes['host.name']).toBeUndefined();
    expect(undetected.attributes['process.pid']).toBeUndefined();
  });

  it('starts nothing with OTEL_SDK_DISABLED=true', () => {
    expect(sdkFacts({ OTEL_SDK_DISABLED: 'true' })).toMatchObject({ provider: 'NoopTracerProvider', recording: false, headers: [] });
  });
});
