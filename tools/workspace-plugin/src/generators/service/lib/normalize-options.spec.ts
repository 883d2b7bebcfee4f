// Names and ports are decided before anything is written: bad input fails with a message that says
// what to do, and chosen ports never clash with an app, a chart or the local stack.
import { Tree } from '@nx/devkit';
import { disposeSeededTrees, seededTree } from '../../../testing/workspace-tree';
import { normalizeOptions } from './normalize-options';
import { RESERVED_PORTS, usedPorts } from './ports';

describe('normalizeOptions', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = seededTree();
  });
  afterAll(disposeSeededTrees);

  it('derives every name form from a kebab-case name', () => {
    expect(normalizeOptions(tree, { name: 'order-history', grpc: true })).toMatchObject({
      name: 'order-history',
      className: 'OrderHistory',
      propertyName: 'orderHistory',
      constantName: 'ORDER_HISTORY',
      serviceKey: "'order-history'",
      serviceRef: "['order-history']",
      protoPackage: 'obs.order_history.v1',
      projectRoot: 'apps/order-history',
      grpc: true,
      database: false,
      component: 'api',
    });
  });

  it.each([
    ['Inventory', /kebab-case/],
    ['inventory_items', /kebab-case/],
    ['inventory--items', /kebab-case/],
    ['-inventory', /kebab-case/],
    ['9lives', /kebab-case/],
    ['a'.repeat(31), /at most 30 characters/],
    ['shared', /reserved by the platform/],
    ['loadgen', /reserved by the platform/],
    ['', /A service name is required/],
  ])('refuses %j', (name, message) => {
    expect(() => normalizeOptions(tree, { name })).toThrow(message);
  });

  it('refuses the name of an existing service, saying where it was found', () => {
    expect(() => normalizeOptions(tree, { name: 'users' })).toThrow(/Service "users" already exists \(.*SERVICES in libs\/contracts/);
    tree.write('helm/billing/Chart.yaml', 'name: billing\n');
    expect(() => normalizeOptions(tree, { name: 'billing' })).toThrow(/already exists \(helm\/billing\)/);
  });

  it('knows the ports of the existing apps, charts and the local stack', () => {
    const used = usedPorts(tree);
    for (const port of [8081, 8082, 8083, 8090, 9081, 9082, 9083, ...RESERVED_PORTS]) expect(used.has(port)).toBe(true);
  });

  it('picks the first free HTTP port and pairs gRPC with it, skipping taken ones', () => {
    expect(normalizeOptions(tree, { name: 'inventory', grpc: true })).toMatchObject({ httpPort: 8084, grpcPort: 9084 });
    tree.write('apps/other/.env.example', '# PORT=8084\n# GRPC_PORT=9085\n');
    expect(normalizeOptions(tree, { name: 'inventory', grpc: true })).toMatchObject({ httpPort: 8085, grpcPort: 9084 });
    expect(normalizeOptions(tree, { name: 'inventory' }).grpcPort).toBeUndefined();
  });

  it('accepts free explicit ports and refuses taken or inconsistent ones', () => {
    expect(normalizeOptions(tree, { name: 'inventory', grpc: true, httpPort: 8200, grpcPort: 9200 })).toMatchObject({ httpPort: 8200, grpcPort: 9200 });
    expect(() => normalizeOptions(tree, { name: 'inventory', httpPort: 8083 })).toThrow(/--httpPort=8083 is already used/);
    expect(() => normalizeOptions(tree, { name: 'inventory', grpc: true, grpcPort: 9090 })).toThrow(/--grpcPort=9090 is already used/);
    expect(() => normalizeOptions(tree, { name: 'inventory', grpcPort: 9200 })).toThrow(/--grpcPort needs --grpc/);
    expect(() => normalizeOptions(tree, { name: 'inventory', grpc: true, httpPort: 8300, grpcPort: 8300 })).toThrow(/must differ/);
  });
});
