// What `nx g @obs/workspace-plugin:service` writes, on an empty workspace seeded with the real
// registry files: the app and its project configuration, the contracts, the chart, the deployment
// entries, and the registrations everywhere services are listed.
import { readProjectConfiguration, Tree } from '@nx/devkit';
import { parse } from 'yaml';
import { disposeSeededTrees, read, seededTree, workspaceFile } from '../../testing/workspace-tree';
import { serviceGenerator } from './generator';

describe('service generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = seededTree();
  });
  afterAll(disposeSeededTrees);

  it('adds an app project tagged for the boundary rules, with the same targets as the services', async () => {
    await serviceGenerator(tree, { name: 'inventory' });
    const project = readProjectConfiguration(tree, 'inventory');
    expect(project.root).toBe('apps/inventory');
    expect(project.tags).toEqual(['scope:inventory', 'type:app']);
    expect(Object.keys(project.targets ?? {})).toEqual(
      expect.arrayContaining(['build', 'serve', 'typecheck', 'e2e']),
    );
    expect(project.targets?.['build'].options.command).toBe(
      'webpack-cli build --config apps/inventory/webpack.config.js',
    );
    expect(project.targets?.['serve'].options.command).toContain(
      '--require ./dist/apps/inventory/instrumentation.js',
    );
    expect(read(tree, 'apps/inventory/webpack.config.js')).toContain('nestAppWebpackConfig(__dirname)');
  });

  it('wires the app like users: observability module, typed config, sample resource, specs and e2e', async () => {
    await serviceGenerator(tree, { name: 'inventory' });
    expect(read(tree, 'apps/inventory/src/app/app.module.ts')).toContain(
      "ObservabilityModule.forRoot({ service: 'inventory' })",
    );
    expect(read(tree, 'apps/inventory/src/main.ts')).toContain(
      'bootstrapService(AppModule, INVENTORY_BOOTSTRAP)',
    );
    expect(read(tree, 'apps/inventory/src/app/config.ts')).toContain('baseConfigSchema.extend(');
    expect(read(tree, 'apps/inventory/src/app/items/items.controller.ts')).toContain(
      "@Controller('api/inventory/items')",
    );
    expect(read(tree, 'libs/contracts/src/lib/dto/inventory.dto.ts')).toContain(
      'export class CreateInventoryItemDto',
    );
    for (const spec of [
      'src/app/items.api.spec.ts',
      'src/app/config.spec.ts',
      'e2e/inventory.e2e-spec.ts',
      'src/testing/inventory-test-app.ts',
    ]) {
      expect(tree.exists(`apps/inventory/${spec}`)).toBe(true);
    }
    // Without the options: no gRPC, no database.
    expect(tree.exists('libs/contracts/proto/inventory.proto')).toBe(false);
    expect(tree.exists('apps/inventory/src/app/database')).toBe(false);
    expect(read(tree, 'apps/inventory/src/app/transport.ts')).not.toContain('grpc');
    expect(read(tree, 'apps/inventory/src/app/items/items.repository.ts')).toContain(
      'new Map<string, ItemRow>()',
    );
  });

  it('registers the service and its free ports in the contracts', async () => {
    await serviceGenerator(tree, { name: 'inventory', grpc: true });
    const services = read(tree, 'libs/contracts/src/lib/services.ts');
    expect(services).toContain("inventory: { name: 'inventory', httpPort: 8084, grpcPort: 9084 },");
    expect(read(tree, 'libs/contracts/src/lib/proto-paths.ts')).toContain("inventory: 'obs.inventory.v1',");
    expect(read(tree, 'libs/contracts/src/index.ts')).toMatch(
      /export \* from '.\/lib\/dto\/inventory.dto';\n$/,
    );
  });

  it('with --grpc adds the .proto and a gRPC controller and spec, and the chart gets the gRPC port', async () => {
    await serviceGenerator(tree, { name: 'inventory', grpc: true });
    const proto = read(tree, 'libs/contracts/proto/inventory.proto');
    expect(proto).toContain('package obs.inventory.v1;');
    expect(proto).toContain('service InventoryService {');
    expect(read(tree, 'apps/inventory/src/app/items/items.grpc.controller.ts')).toContain(
      "@GrpcMethod(INVENTORY_GRPC_SERVICE, 'GetItem')",
    );
    expect(read(tree, 'apps/inventory/src/app/transport.ts')).toContain("protoPath: protoPath('inventory')");
    expect(tree.exists('apps/inventory/src/app/items.grpc.spec.ts')).toBe(true);
    const values = parse(read(tree, 'helm/inventory/values.yaml'));
    expect(values).toMatchObject({ httpPort: 8084, grpcPort: 9084, networkPolicy: { grpcClients: [] } });
    expect(JSON.parse(read(tree, 'helm/inventory/values.schema.json')).required).toContain('grpcPort');
  });

  it('with --database wires @obs/persistence with migrations and a Postgres repository', async () => {
    await serviceGenerator(tree, { name: 'inventory', database: true });
    expect(read(tree, 'apps/inventory/src/app/app.module.ts')).toContain(
      "PersistenceModule.forRoot({ service: 'inventory', migrations: INVENTORY_MIGRATIONS })",
    );
    expect(read(tree, 'apps/inventory/src/app/database/migrations.ts')).toContain("createTable('items')");
    expect(read(tree, 'apps/inventory/src/app/items/items.repository.ts')).toContain('@InjectKysely()');
    expect(read(tree, 'apps/inventory/src/testing/inventory-test-app.ts')).toContain('startTestPostgres()');
    expect(parse(read(tree, 'helm/inventory/ci/database-values.yaml'))).toMatchObject({
      database: { enabled: true, existingSecret: 'inventory-database' },
    });
  });

  it('creates the Helm chart on the library chart, shaped like helm/users', async () => {
    await serviceGenerator(tree, { name: 'inventory', component: 'backend' });
    const chart = parse(read(tree, 'helm/inventory/Chart.yaml'));
    expect(chart).toMatchObject({
      name: 'inventory',
      type: 'application',
      dependencies: [{ name: 'service-lib', repository: 'file://../service-lib' }],
    });
    const values = parse(read(tree, 'helm/inventory/values.yaml'));
    expect(values).toMatchObject({
      httpPort: 8084,
      component: 'backend',
      image: { repository: 'ghcr.io/obs-platform/inventory' },
    });
    expect(values.grpcPort).toBeUndefined();
    expect(read(tree, 'helm/inventory/templates/deployment.yaml').trim()).toBe(
      '{{ include "service-lib.deployment" . }}',
    );
    expect(tree.exists('helm/inventory/ci/minimal-values.yaml')).toBe(true);
  });

  it('adds the Argo CD application, its values, the SLO spec and the local scrape target', async () => {
    await serviceGenerator(tree, { name: 'inventory' });
    expect(read(tree, 'tools/gitops/src/argocd/stack.ts')).toMatch(
      /export const APPS = \[[^\]]*'inventory'\] as const;/,
    );
    for (const env of ['dev', 'prod']) {
      const appset = parse(read(tree, `deploy/argocd/${env}/apps/platform-apps.yaml`));
      expect(appset.spec.generators[0].list.elements.at(-1)).toEqual({ name: 'inventory' });
      expect(tree.exists(`deploy/values/${env}/inventory.yaml`)).toBe(true);
    }
    expect(tree.exists('deploy/values/common/inventory.yaml')).toBe(true);
    const slo = parse(read(tree, 'deploy/slo/inventory.yaml'));
    expect(slo).toMatchObject({ version: 'prometheus/v1', service: 'inventory' });
    expect(slo.slos[0].sli.events.total_query).toContain('service="inventory"');
    const prometheus = parse(read(tree, 'deploy/local/prometheus.yml'));
    const apps = prometheus.scrape_configs.find((c: { job_name: string }) => c.job_name === 'apps');
    expect(apps.static_configs).toContainEqual({
      targets: ['127.0.0.1:8084'],
      labels: { service: 'inventory' },
    });
  });

  it('writes docs/services/<name>.md with its ports, API and deployment files', async () => {
    await serviceGenerator(tree, { name: 'inventory', grpc: true, database: true });
    const page = read(tree, 'docs/services/inventory.md');
    expect(page).toMatch(/^# inventory\n/);
    expect(page).toContain('| HTTP (REST, /metrics, /healthz, /readyz, /docs) | 8084 | `PORT` |');
    expect(page).toMatch(/\| gRPC \(`[^`]+`\) \| 9084 \| `GRPC_PORT` \|/);
    expect(page).toContain('`POST /api/inventory/items`');
    expect(page).toContain('`GetItem {id}`');
    expect(page).toContain('`deploy/slo/inventory.yaml`');
    expect(page).not.toContain('<%');
    await serviceGenerator(tree, { name: 'shelf' });
    const plain = read(tree, 'docs/services/shelf.md');
    expect(plain).toContain('in memory (lost on restart');
    expect(plain).not.toContain('gRPC');
  });

  it('adds the scope constraint to the module-boundary matrix', async () => {
    await serviceGenerator(tree, { name: 'inventory' });
    const eslint = read(tree, 'eslint.config.mjs');
    expect(eslint).toContain(
      "{ sourceTag: 'scope:inventory', onlyDependOnLibsWithTags: ['scope:inventory', 'scope:shared'] },",
    );
    expect(eslint.match(/scope:inventory'/g)).toHaveLength(2);
  });

  it('changes only the registries outside the new files, keeping their formatting', async () => {
    await serviceGenerator(tree, { name: 'inventory' });
    for (const path of [
      'eslint.config.mjs',
      'deploy/argocd/dev/apps/platform-apps.yaml',
      'deploy/local/prometheus.yml',
    ]) {
      const before = workspaceFile(path).split('\n');
      const after = read(tree, path).split('\n');
      // Only added lines: every original line is still there, in order.
      expect(after.filter((line) => before.includes(line))).toEqual(before);
    }
  });

  it('returns a post-step that regenerates the SLO rules', async () => {
    const callback = await serviceGenerator(tree, { name: 'inventory' });
    expect(typeof callback).toBe('function');
  });

  it('fails cleanly on a second run and changes nothing', async () => {
    await serviceGenerator(tree, { name: 'inventory' });
    const snapshot = tree.listChanges().map((c) => [c.path, c.content?.toString()]);
    await expect(serviceGenerator(tree, { name: 'inventory' })).rejects.toThrow(
      /Service "inventory" already exists .*Nothing was changed/,
    );
    expect(tree.listChanges().map((c) => [c.path, c.content?.toString()])).toEqual(snapshot);
  });

  it('takes the next free ports when a generated service already holds the first ones', async () => {
    await serviceGenerator(tree, { name: 'inventory', grpc: true });
    await serviceGenerator(tree, { name: 'order-history', grpc: true });
    const services = read(tree, 'libs/contracts/src/lib/services.ts');
    expect(services).toContain("'order-history': { name: 'order-history', httpPort: 8085, grpcPort: 9085 },");
    expect(read(tree, 'apps/order-history/src/app/transport.ts')).toContain(
      "SERVICES['order-history'].httpPort",
    );
    expect(read(tree, 'libs/contracts/src/lib/proto-paths.ts')).toContain(
      "'order-history': 'obs.order_history.v1',",
    );
  });
});
