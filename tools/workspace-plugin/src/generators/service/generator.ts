// `nx g @obs/workspace-plugin:service <name> [--grpc] [--database]`: one command for a service that
// builds, tests, deploys, is scraped, has SLOs and obeys the module boundaries.
// Pipeline: normalize → project configuration → code files → formatFiles → deploy files and
// registries → post-step. formatFiles runs before the last two on purpose: those edit files other
// tools own or generate (eslint.config.mjs, the Argo CD YAML that gitops-checks compares byte for
// byte, prometheus.yml, the charts' commented YAML), which must keep their authors' formatting.
import { formatFiles, GeneratorCallback, Tree } from '@nx/devkit';
import { normalizeOptions } from './lib/normalize-options';
import { postSteps } from './lib/post-steps';
import { addServiceProject } from './lib/project-config';
import { updateRegistries } from './lib/registries';
import { generateCodeFiles, generateDeployFiles } from './lib/service-files';
import type { ServiceGeneratorSchema } from './schema';

export async function serviceGenerator(
  tree: Tree,
  schema: ServiceGeneratorSchema,
): Promise<GeneratorCallback> {
  const options = normalizeOptions(tree, schema);
  addServiceProject(tree, options);
  generateCodeFiles(tree, options);
  await formatFiles(tree);
  generateDeployFiles(tree, options);
  updateRegistries(tree, options);
  return postSteps(tree, options);
}

export default serviceGenerator;
