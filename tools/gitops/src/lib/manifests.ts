// The committed Argo CD manifests, loaded and typed loosely for the checks.
import { ENVIRONMENTS, Environment } from '../argocd/settings';
import { ARGOCD_DIR } from '../argocd/render';
import { listFiles, loadYaml } from './repo';

export interface Source {
  repoURL: string;
  targetRevision: string;
  chart?: string;
  path?: string;
  ref?: string;
  helm?: { releaseName?: string; valueFiles?: string[] };
}

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; annotations?: Record<string, string> };
  spec: Record<string, unknown> & {
    source?: Source;
    sources?: Source[];
    destination?: { server: string; namespace?: string };
    syncPolicy?: { syncOptions?: string[] };
    template?: { spec: { sources: Source[]; destination: { namespace: string } } };
    generators?: Array<{ list?: { elements: Array<{ name: string }> } }>;
  };
}

export function manifestsOf(env: Environment): Array<{ file: string; manifest: Manifest }> {
  return listFiles(`${ARGOCD_DIR}/${env}`, /\.yaml$/).map((file) => ({ file, manifest: loadYaml<Manifest>(file) }));
}

export const allManifests = () => ENVIRONMENTS.flatMap((env) => manifestsOf(env).map((m) => ({ env, ...m })));

export function wave(manifest: Manifest): number {
  return Number(manifest.metadata.annotations?.['argocd.argoproj.io/sync-wave'] ?? 0);
}

/** Sources of an Application, or of an ApplicationSet's template with each list element filled in. */
export function expandedSources(manifest: Manifest): Source[] {
  if (manifest.kind === 'Application') return manifest.spec.sources ?? (manifest.spec.source ? [manifest.spec.source] : []);
  const template = manifest.spec.template;
  if (manifest.kind !== 'ApplicationSet' || !template) return [];
  const elements = manifest.spec.generators?.flatMap((g) => g.list?.elements ?? []) ?? [];
  const fill = (text: string, name: string) => text.replace(/\{\{\s*\.name\s*\}\}/g, name);
  return elements.flatMap(({ name }) =>
    template.spec.sources.map((s) => JSON.parse(fill(JSON.stringify(s), name)) as Source),
  );
}

/** The manifest of `<env>-<name>` (or `<env>/root.yaml` for 'root'); throws when it is missing. */
export function manifestNamed(env: Environment, name: string): Manifest {
  const found = manifestsOf(env).find((m) => m.manifest.metadata.name === `${env}-${name}`);
  if (!found) throw new Error(`no Argo CD manifest named ${env}-${name}`);
  return found.manifest;
}
