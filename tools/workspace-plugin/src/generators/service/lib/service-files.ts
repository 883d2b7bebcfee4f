// Renders the templates under ../files: the app (always), its gRPC and database variants, the
// contracts it publishes, its deployment (Helm chart, Argo CD values, SLO spec) and docs/services/<name>.md.
import { generateFiles, joinPathFragments, Tree } from '@nx/devkit';
import { NormalizedOptions } from './normalize-options';

const FILES = joinPathFragments(__dirname, '..', 'files');

function substitutions(o: NormalizedOptions) {
  return { ...o, grpcPort: o.grpcPort ?? 0, tmpl: '' };
}

/** TypeScript and project files: rendered before formatFiles so they come out Prettier-formatted. */
export function generateCodeFiles(tree: Tree, o: NormalizedOptions): void {
  const vars = substitutions(o);
  generateFiles(tree, joinPathFragments(FILES, 'app'), o.projectRoot, vars);
  generateFiles(
    tree,
    joinPathFragments(FILES, o.database ? 'app-database' : 'app-memory'),
    o.projectRoot,
    vars,
  );
  if (o.grpc) generateFiles(tree, joinPathFragments(FILES, 'app-grpc'), o.projectRoot, vars);
  generateFiles(tree, joinPathFragments(FILES, 'contracts'), 'libs/contracts', vars);
  if (o.grpc) generateFiles(tree, joinPathFragments(FILES, 'contracts-grpc'), 'libs/contracts', vars);
}

/** YAML, the chart's schema and the service's docs page, written as authored (layout is the docs). */
export function generateDeployFiles(tree: Tree, o: NormalizedOptions): void {
  const vars = substitutions(o);
  generateFiles(tree, joinPathFragments(FILES, 'helm'), `helm/${o.name}`, vars);
  generateFiles(
    tree,
    joinPathFragments(FILES, o.grpc ? 'helm-schema-grpc' : 'helm-schema'),
    `helm/${o.name}`,
    vars,
  );
  generateFiles(tree, joinPathFragments(FILES, 'deploy'), 'deploy', vars);
  generateFiles(tree, joinPathFragments(FILES, 'docs'), 'docs', vars);
}
