// Registers the service everywhere the platform lists its services, so nothing needs a manual edit:
// contracts (ports, proto package, DTOs), the module-boundary matrix, Argo CD, the local scrape.
// Dashboards need no entry: their `service` variable is label_values() of the RED metric, so a new
// service appears there as soon as Prometheus scrapes it.
import { Tree } from '@nx/devkit';
import { editFile, insertAfterLast } from './edit-file';
import { NormalizedOptions } from './normalize-options';

export const SERVICES_FILE = 'libs/contracts/src/lib/services.ts';
export const PROTO_PATHS_FILE = 'libs/contracts/src/lib/proto-paths.ts';
export const CONTRACTS_INDEX = 'libs/contracts/src/index.ts';
export const ESLINT_CONFIG = 'eslint.config.mjs';
export const ARGOCD_STACK = 'tools/gitops/src/argocd/stack.ts';
export const ARGOCD_APPSETS = [
  'deploy/argocd/dev/apps/platform-apps.yaml',
  'deploy/argocd/prod/apps/platform-apps.yaml',
];
export const LOCAL_PROMETHEUS = 'deploy/local/prometheus.yml';

function registerPorts(tree: Tree, o: NormalizedOptions): void {
  const grpc = o.grpcPort === undefined ? '' : `, grpcPort: ${o.grpcPort}`;
  editFile(tree, SERVICES_FILE, 'the SERVICES object ending in `} as const satisfies`', (text) => {
    const end = text.indexOf('} as const satisfies');
    if (end < 0) return undefined;
    return `${text.slice(0, end)}  ${o.serviceKey}: { name: '${o.name}', httpPort: ${o.httpPort}${grpc} },\n${text.slice(end)}`;
  });
}

function registerProtoPackage(tree: Tree, o: NormalizedOptions): void {
  if (!o.grpc) return;
  editFile(tree, PROTO_PATHS_FILE, 'the PROTO_PACKAGES object ending in `} as const;`', (text) => {
    const start = text.indexOf('export const PROTO_PACKAGES = {');
    const end = start < 0 ? -1 : text.indexOf('} as const;', start);
    if (end < 0) return undefined;
    return `${text.slice(0, end)}  ${o.serviceKey}: '${o.protoPackage}',\n${text.slice(end)}`;
  });
}

function exportDtos(tree: Tree, o: NormalizedOptions): void {
  editFile(tree, CONTRACTS_INDEX, 'the contracts index', (text) => {
    const line = `export * from './lib/dto/${o.name}.dto';`;
    return text.includes(line) ? text : `${text.replace(/\n*$/, '\n')}${line}\n`;
  });
}

/** The scope axis of the boundary matrix: the new scope may use itself and shared libs only. */
function addScopeConstraint(tree: Tree, o: NormalizedOptions): void {
  editFile(tree, ESLINT_CONFIG, "a `{ sourceTag: 'scope:…' … }` depConstraint line", (text) => {
    if (text.includes(`sourceTag: 'scope:${o.name}'`)) return text;
    const last =
      /^([ \t]*)\{ sourceTag: 'scope:[a-z0-9-]+', onlyDependOnLibsWithTags: \[[^\]]*\] \},[ \t]*$/m;
    const indent = [...text.matchAll(new RegExp(last.source, 'gm'))].at(-1)?.[1] ?? '';
    return insertAfterLast(
      text,
      last,
      `${indent}{ sourceTag: 'scope:${o.name}', onlyDependOnLibsWithTags: ['scope:${o.name}', 'scope:shared'] },`,
    );
  });
}

/** tools/gitops renders the ApplicationSets from APPS; the committed YAML gets the same element. */
function addToArgocd(tree: Tree, o: NormalizedOptions): void {
  editFile(tree, ARGOCD_STACK, '`export const APPS = [...] as const;`', (text) => {
    const match = /export const APPS = \[([^\]]*)\] as const;/.exec(text);
    if (!match) return undefined;
    if (match[1].includes(`'${o.name}'`)) return text;
    const items = match[1].trim().replace(/,\s*$/, '');
    return text.replace(match[0], `export const APPS = [${items ? `${items}, ` : ''}'${o.name}'] as const;`);
  });
  for (const path of ARGOCD_APPSETS) {
    editFile(tree, path, 'the list generator elements (`- name: <app>` lines)', (text) => {
      if (new RegExp(`^\\s*- name: ${o.name}$`, 'm').test(text)) return text;
      const last = /^([ \t]*)- name: [a-z0-9-]+[ \t]*$/m;
      const indent = [...text.matchAll(new RegExp(last.source, 'gm'))].at(-1)?.[1] ?? '';
      return insertAfterLast(text, last, `${indent}- name: ${o.name}`);
    });
  }
}

function addScrapeTarget(tree: Tree, o: NormalizedOptions): void {
  editFile(tree, LOCAL_PROMETHEUS, 'a `labels: { service: <app> }` line of the apps job', (text) => {
    if (text.includes(`labels: { service: ${o.name} }`)) return text;
    const last = /^([ \t]*)labels: \{ service: [a-z0-9-]+ \}[ \t]*$/m;
    const matches = [...text.matchAll(new RegExp(last.source, 'gm'))];
    const indent = matches.at(-1)?.[1];
    if (indent === undefined) return undefined;
    const dash = `${indent.slice(2)}- targets: ['127.0.0.1:${o.httpPort}']`;
    return insertAfterLast(text, last, `${dash}\n${indent}labels: { service: ${o.name} }`);
  });
}

export function updateRegistries(tree: Tree, options: NormalizedOptions): void {
  registerPorts(tree, options);
  registerProtoPackage(tree, options);
  exportDtos(tree, options);
  addScopeConstraint(tree, options);
  addToArgocd(tree, options);
  addScrapeTarget(tree, options);
}
