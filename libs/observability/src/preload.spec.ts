// The tracing preload as a real process: `node --require instrumentation … main`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const WORKSPACE_ROOT = join(__dirname, '..', '..', '..');
const PRELOAD = join(__dirname, 'instrumentation.ts');

function runWithPreload(script: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', '-r', PRELOAD, '-e', script], {
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

  it('stops the process with one fatal JSON line when its configuration is wrong', () => {
    const { status, stdout, stderr } = runWithPreload("console.log('app started')", { OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http,express' });
    expect(status).toBe(1);
    expect(stdout).not.toContain('app started');
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'fatal', msg: expect.stringContaining('OTEL_NODE_ENABLED_INSTRUMENTATIONS: unknown instrumentation express') });
  });
});
