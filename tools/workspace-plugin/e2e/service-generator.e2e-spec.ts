// The service generator end to end, in a scratch copy of this workspace: one command creates a
// service that lints, typechecks, tests and builds, whose chart lints and renders with the real
// helm, whose Argo CD entry matches what gitops-checks renders, and whose SLO rules exist; a second
// run fails cleanly; --dry-run writes nothing.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ScratchWorkspace, unpackHelm } from './scratch-workspace';

const GENERATE = [
  'g',
  '@obs/workspace-plugin:service',
  'inventory',
  '--grpc',
  '--database',
  '--no-interactive',
];

/** Content hash of every file the generator could touch (not node_modules, caches or build output). */
function snapshot(root: string, dir = root, out = new Map<string, string>()): Map<string, string> {
  for (const entry of readdirSync(dir)) {
    if (dir === root && ['node_modules', '.nx', 'dist', '.data'].includes(entry)) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) snapshot(root, path, out);
    else out.set(path.slice(root.length), createHash('sha1').update(readFileSync(path)).digest('hex'));
  }
  return out;
}

function expectSuccess(result: { status: number | null; output: string }): void {
  if (result.status !== 0) throw new Error(`exit ${result.status}:\n${result.output.slice(-6000)}`);
}

describe('nx g @obs/workspace-plugin:service (scratch workspace)', () => {
  let ws: ScratchWorkspace;
  beforeAll(() => {
    ws = ScratchWorkspace.create();
  });
  afterAll(() => ws?.dispose());

  it('--dry-run lists the changes and writes nothing', () => {
    const before = snapshot(ws.root);
    const result = ws.nx(['g', '@obs/workspace-plugin:service', 'catalog', '--dry-run', '--no-interactive']);
    expectSuccess(result);
    expect(result.output).toContain('CREATE apps/catalog/src/main.ts');
    expect(result.output).toContain('UPDATE libs/contracts/src/lib/services.ts');
    expect(snapshot(ws.root)).toEqual(before);
  });

  it('creates the service, its chart, deployment entries and SLO rules in one command', () => {
    expectSuccess(ws.nx(GENERATE));
    for (const file of [
      'apps/inventory/project.json',
      'apps/inventory/src/app/items/items.grpc.controller.ts',
      'libs/contracts/proto/inventory.proto',
      'helm/inventory/values.yaml',
      'deploy/slo/inventory.yaml',
      'deploy/values/prod/inventory.yaml',
      // Written by the post-step (nx run slo-tools:generate) from deploy/slo/inventory.yaml.
      'helm/inventory/rules/slo-rules.yaml',
      'deploy/local/rules/inventory-slo.rules.yml',
    ]) {
      expect(ws.exists(file)).toBe(true);
    }
  });

  it('adds a second service with the defaults (REST only, in memory) on the next free port', () => {
    expectSuccess(ws.nx(['g', '@obs/workspace-plugin:service', 'catalog', '--no-interactive']));
    expect(ws.read('libs/contracts/src/lib/services.ts')).toMatch(
      /catalog: \{ name: 'catalog', httpPort: \d+ \},/,
    );
    expect(ws.exists('libs/contracts/proto/catalog.proto')).toBe(false);
  });

  it('fails a second run with "already exists" and changes nothing', () => {
    const before = snapshot(ws.root);
    const result = ws.nx(GENERATE);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/Service "inventory" already exists/);
    expect(snapshot(ws.root)).toEqual(before);
  });

  it('edits the Argo CD ApplicationSets exactly as gitops-checks renders them', () => {
    const before = ['dev', 'prod'].map((env) =>
      ws.read('deploy', 'argocd', env, 'apps', 'platform-apps.yaml'),
    );
    expectSuccess(ws.nx(['run', 'gitops-checks:generate', '--skip-nx-cache']));
    expect(
      ['dev', 'prod'].map((env) => ws.read('deploy', 'argocd', env, 'apps', 'platform-apps.yaml')),
    ).toEqual(before);
    expect(before[0]).toContain('- name: inventory');
  });

  it('gives projects whose lint, typecheck, test and build targets pass', () => {
    const result = ws.nx([
      'run-many',
      '-t',
      'lint',
      'typecheck',
      'test',
      'build',
      '-p',
      'inventory,catalog',
      '--skip-nx-cache',
      '--outputStyle=stream',
    ]);
    expectSuccess(result);
    expect(result.output).toMatch(/Successfully ran targets lint, typecheck, test, build for 2 projects/);
    // The generated specs really ran: REST, gRPC and config suites (REST and config without --grpc).
    expect(result.output).toMatch(/inventory: .*Test Suites: 3 passed, 3 total/);
    expect(result.output).toMatch(/catalog: .*Test Suites: 2 passed, 2 total/);
    expect(ws.exists('dist/apps/inventory/main.js')).toBe(true);
    expect(ws.exists('dist/apps/inventory/instrumentation.js')).toBe(true);
    expect(ws.exists('dist/apps/inventory/proto/inventory.proto')).toBe(true);
  });

  it('gives a chart that passes helm lint and renders the service on its ports with its SLO rules', () => {
    const helm = unpackHelm();
    const chart = ws.path('helm', 'inventory');
    expectSuccess(ws.run(helm, ['dependency', 'build', chart]));
    for (const values of [
      [],
      ['-f', join(chart, 'ci', 'prod-values.yaml')],
      ['-f', join(chart, 'ci', 'database-values.yaml')],
    ]) {
      const lint = ws.run(helm, ['lint', '--strict', chart, ...values]);
      expectSuccess(lint);
      expect(lint.output).toContain('0 chart(s) failed');
    }
    const rendered = ws.run(helm, ['template', 'inventory', chart, '--namespace', 'platform']);
    expectSuccess(rendered);
    const objects = parseAllDocuments(rendered.stdout)
      .map((d) => d.toJS())
      .filter(Boolean);
    const byKind = (kind: string) => objects.find((o) => o.kind === kind);
    // The ports the generator chose, as registered in the contracts.
    const registered = /inventory: \{ name: 'inventory', httpPort: (\d+), grpcPort: (\d+) \}/.exec(
      ws.read('libs/contracts/src/lib/services.ts'),
    );
    expect(registered).not.toBeNull();
    const container = byKind('Deployment').spec.template.spec.containers[0];
    expect(container.ports.map((p: { containerPort: number }) => p.containerPort).sort()).toEqual(
      [Number(registered?.[1]), Number(registered?.[2])].sort(),
    );
    expect(byKind('ServiceMonitor')).toBeDefined();
    const groups = byKind('PrometheusRule').spec.groups.map((g: { name: string }) => g.name);
    expect(groups).toEqual(
      expect.arrayContaining([
        'sloth-slo-alerts-inventory-availability',
        'sloth-slo-alerts-inventory-latency',
      ]),
    );
  });
});
