import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceIdentity } from './resource';
import { otlpExportEnabled } from './start-tracing';

describe('serviceIdentity', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'obs-resource-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'orders', version: '1.4.0' }));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the name and version from the package.json the build writes next to main.js', () => {
    expect(serviceIdentity({}, join(dir, 'main.js'))).toEqual({ name: 'orders', version: '1.4.0' });
  });

  it('lets OTEL_SERVICE_NAME and SERVICE_VERSION win', () => {
    expect(
      serviceIdentity({ OTEL_SERVICE_NAME: 'payments', SERVICE_VERSION: '2.0.0' }, join(dir, 'main.js')),
    ).toEqual({
      name: 'payments',
      version: '2.0.0',
    });
  });

  it('falls back to the SDK default name when nothing says otherwise', () => {
    expect(serviceIdentity({}, join(dir, 'nested', 'main.js'))).toEqual({
      name: 'unknown_service:node',
      version: undefined,
    });
  });
});

describe('otlpExportEnabled', () => {
  it.each([
    [{}, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4317' }, true],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://tempo:4317' }, true],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4317', OTEL_TRACES_EXPORTER: 'none' }, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: '' }, false],
  ])('%j → %s', (env, enabled) => {
    expect(otlpExportEnabled(env)).toBe(enabled);
  });
});
