// Turns the raw options into everything the templates and registries need, and refuses names that
// would break something (bad shape, a platform word, an existing service) before anything is written.
import { getProjects, names, Tree } from '@nx/devkit';
import type { ServiceComponent, ServiceGeneratorSchema } from '../schema';
import { choosePorts } from './ports';

export const NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
export const MAX_NAME_LENGTH = 30;

/** Names that already mean something in the platform (projects, scopes, charts, namespaces, routes). */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  'admin',
  'alertmanager',
  'api',
  'app',
  'apps',
  'argocd',
  'contracts',
  'default',
  'deploy',
  'dist',
  'docs',
  'e2e',
  'faults',
  'grafana',
  'healthz',
  'helm',
  'kube-prometheus-stack',
  'kube-system',
  'lib',
  'libs',
  'loadgen',
  'loki',
  'metrics',
  'monitoring',
  'namespaces',
  'node-modules',
  'nx',
  'observability',
  'opentelemetry-collector',
  'persistence',
  'platform',
  'prometheus',
  'readyz',
  'service-lib',
  'shared',
  'slo',
  'tempo',
  'test',
  'testing',
  'tools',
  'workspace-plugin',
]);

export interface NormalizedOptions {
  /** kebab-case: project, chart, release, `service` label, scope tag. */
  readonly name: string;
  readonly className: string;
  readonly propertyName: string;
  readonly constantName: string;
  /** How templates index SERVICES: `.inventory` or `['order-history']`. */
  readonly serviceRef: string;
  /** How the registry declares the key: `inventory` or `'order-history'`. */
  readonly serviceKey: string;
  readonly protoPackage: string;
  readonly projectRoot: string;
  readonly grpc: boolean;
  readonly database: boolean;
  readonly component: ServiceComponent;
  readonly httpPort: number;
  readonly grpcPort?: number;
}

export function validateName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '')
    throw new Error('A service name is required, e.g. `nx g @obs/workspace-plugin:service inventory`.');
  if (!NAME_PATTERN.test(name)) {
    throw new Error(
      `Invalid service name "${name}": use kebab-case (lower-case letters and digits, words joined by single hyphens, starting with a letter), e.g. "inventory" or "order-history".`,
    );
  }
  if (name.length > MAX_NAME_LENGTH) {
    throw new Error(
      `Invalid service name "${name}": at most ${MAX_NAME_LENGTH} characters (it prefixes Kubernetes object and Argo CD application names).`,
    );
  }
  if (RESERVED_NAMES.has(name))
    throw new Error(`Invalid service name "${name}": it is reserved by the platform; pick another.`);
  return name;
}

/** Where an existing service of this name would show up. */
function existingTraces(tree: Tree, name: string, serviceKey: string): string[] {
  const found: string[] = [];
  if ([...getProjects(tree).keys()].includes(name)) found.push(`Nx project "${name}"`);
  for (const path of [
    `apps/${name}`,
    `helm/${name}`,
    `deploy/slo/${name}.yaml`,
    `libs/contracts/proto/${name}.proto`,
  ]) {
    if (tree.exists(path)) found.push(path);
  }
  const registry = tree.read('libs/contracts/src/lib/services.ts', 'utf-8');
  if (
    registry &&
    new RegExp(`^\\s*${serviceKey.replace(/[-']/g, (c) => `\\${c}`)}\\s*:`, 'm').test(registry)
  ) {
    found.push('SERVICES in libs/contracts/src/lib/services.ts');
  }
  return found;
}

export function normalizeOptions(tree: Tree, schema: ServiceGeneratorSchema): NormalizedOptions {
  const name = validateName(schema.name);
  const n = names(name);
  const simple = /^[a-z][a-z0-9]*$/.test(name);
  const serviceKey = simple ? name : `'${name}'`;
  const traces = existingTraces(tree, name, serviceKey);
  if (traces.length > 0) {
    throw new Error(
      `Service "${name}" already exists (${traces.join(', ')}). Nothing was changed; pick another name or remove it first.`,
    );
  }
  const grpc = schema.grpc ?? false;
  const ports = choosePorts(tree, { httpPort: schema.httpPort, grpcPort: schema.grpcPort, grpc });
  return {
    name,
    className: n.className,
    propertyName: n.propertyName,
    constantName: n.constantName,
    serviceRef: simple ? `.${name}` : `['${name}']`,
    serviceKey,
    protoPackage: `obs.${name.replace(/-/g, '_')}.v1`,
    projectRoot: `apps/${name}`,
    grpc,
    database: schema.database ?? false,
    component: schema.component ?? 'api',
    ...ports,
  };
}
