// Picks the new service's ports: every port an app, chart or local config of the workspace already
// names is taken, as are the local observability stack's, so `npm start` and `npm run observe` never
// collide with what the generator adds.
import { Tree } from '@nx/devkit';

/** The local stack's well-known ports (DESIGN.md and deploy/local): Grafana, Loki, Tempo, OTLP, Prometheus, Alertmanager, embedded Postgres. */
export const RESERVED_PORTS: ReadonlySet<number> = new Set([
  3000, 3100, 3200, 4317, 4318, 9090, 9093, 9094, 54329,
]);

export const HTTP_PORT_RANGE = { first: 8084, last: 8999 } as const;
export const GRPC_PORT_RANGE = { first: 9084, last: 9999 } as const;

interface PortSource {
  readonly glob: (path: string) => boolean;
  readonly pattern: RegExp;
}

// Where ports are written down; each regex captures the number in group 1.
const SOURCES: readonly PortSource[] = [
  { glob: (p) => p === 'libs/contracts/src/lib/services.ts', pattern: /\b(?:httpPort|grpcPort):\s*(\d+)/g },
  { glob: (p) => /^apps\/[^/]+\/\.env\.example$/.test(p), pattern: /^#?\s*[A-Z_]*PORT=(\d+)/gm },
  { glob: (p) => /^apps\/[^/]+\/src\/.*config\.ts$/.test(p), pattern: /PORT\b.*\.default\((\d+)\)/g },
  { glob: (p) => /^helm\/[^/]+\/values\.yaml$/.test(p), pattern: /^(?:httpPort|grpcPort):\s*(\d+)/gm },
  { glob: (p) => p === 'deploy/local/prometheus.yml', pattern: /127\.0\.0\.1:(\d+)/g },
];

function filesUnder(tree: Tree, dir: string): string[] {
  if (!tree.exists(dir)) return [];
  if (tree.isFile(dir)) return [dir];
  return tree.children(dir).flatMap((child) => filesUnder(tree, dir === '.' ? child : `${dir}/${child}`));
}

/** Every port the workspace already uses or reserves. */
export function usedPorts(tree: Tree): Set<number> {
  const used = new Set(RESERVED_PORTS);
  const candidates = [
    'libs/contracts/src/lib/services.ts',
    'deploy/local/prometheus.yml',
    ...filesUnder(tree, 'helm'),
    ...filesUnder(tree, 'apps'),
  ];
  for (const path of candidates) {
    const sources = SOURCES.filter((s) => s.glob(path));
    if (sources.length === 0 || !tree.exists(path)) continue;
    const text = tree.read(path, 'utf-8') ?? '';
    for (const { pattern } of sources) for (const match of text.matchAll(pattern)) used.add(Number(match[1]));
  }
  return used;
}

function firstFree(used: ReadonlySet<number>, range: { first: number; last: number }, what: string): number {
  for (let port = range.first; port <= range.last; port++) if (!used.has(port)) return port;
  throw new Error(`No free ${what} port left in ${range.first}-${range.last}; pass one explicitly.`);
}

export interface PortChoice {
  readonly httpPort: number;
  readonly grpcPort?: number;
}

/**
 * Explicit ports are checked against the used ones; otherwise the first free HTTP port from 8084,
 * and for gRPC the HTTP port + 1000 when free (the existing services' pattern: 8083 ↔ 9083).
 */
export function choosePorts(
  tree: Tree,
  wanted: { httpPort?: number; grpcPort?: number; grpc: boolean },
): PortChoice {
  const used = usedPorts(tree);
  const check = (port: number, flag: string) => {
    if (used.has(port))
      throw new Error(
        `--${flag}=${port} is already used in this workspace (or reserved by the local stack); pick another.`,
      );
  };
  if (wanted.httpPort !== undefined) check(wanted.httpPort, 'httpPort');
  const httpPort = wanted.httpPort ?? firstFree(used, HTTP_PORT_RANGE, 'HTTP');
  if (!wanted.grpc) {
    if (wanted.grpcPort !== undefined) throw new Error('--grpcPort needs --grpc.');
    return { httpPort };
  }
  if (wanted.grpcPort !== undefined) check(wanted.grpcPort, 'grpcPort');
  const taken = new Set([...used, httpPort]);
  const paired = httpPort + 1000;
  const grpcPort =
    wanted.grpcPort ??
    (!taken.has(paired) && paired <= 65535 ? paired : firstFree(taken, GRPC_PORT_RANGE, 'gRPC'));
  if (grpcPort === httpPort) throw new Error('--httpPort and --grpcPort must differ.');
  return { httpPort, grpcPort };
}
