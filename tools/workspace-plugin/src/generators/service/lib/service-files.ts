// Renders the templates under ../files: the app (always), its gRPC and database variants, the
// contracts it publishes, and its deployment (Helm chart, Argo CD values, SLO spec).
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

/** YAML and the chart's schema, written as authored (their comments and layout are the docs). */
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
}
