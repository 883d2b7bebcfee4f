// Renders each environment's Argo CD objects: a root Application (app of apps) pointing at
// deploy/argocd/<env>/apps, which holds the AppProject, one Application per stack component (ordered
// by sync wave) and the ApplicationSet of the platform's services.
import { stringify } from 'yaml';
import { APPS, APPS_NAMESPACE, APPS_WAVE, Component, MONITORING_NAMESPACE, STACK } from './stack';
import { Environment, ENVIRONMENTS, GitopsSettings } from './settings';

export const ARGOCD_NAMESPACE = 'argocd';
export const ARGOCD_DIR = 'deploy/argocd';

type Manifest = Record<string, unknown>;

const syncPolicy = (serverSideApply: boolean, respectIgnore: boolean) => ({
  automated: { prune: true, selfHeal: true },
  syncOptions: [
    'CreateNamespace=false',
    ...(serverSideApply ? ['ServerSideApply=true'] : []),
    ...(respectIgnore ? ['RespectIgnoreDifferences=true'] : []),
  ],
  retry: { limit: 5, backoff: { duration: '10s', factor: 2, maxDuration: '3m' } },
});

function metadata(name: string, wave: number): Manifest {
  return {
    name,
    namespace: ARGOCD_NAMESPACE,
    annotations: { 'argocd.argoproj.io/sync-wave': String(wave) },
    // Deleting an Application deletes what it deployed, so removing a component cleans up after it.
    finalizers: ['resources-finalizer.argocd.argoproj.io'],
    labels: { 'app.kubernetes.io/part-of': 'observability-platform', 'observability-platform/environment': '' },
  };
}

function withEnvLabel(meta: Manifest, env: Environment): Manifest {
  return { ...meta, labels: { ...(meta['labels'] as Manifest), 'observability-platform/environment': env } };
}

export function projectName(env: Environment): string {
  return `observability-${env}`;
}

function valueFiles(component: Component, env: Environment): string[] {
  const name = component.valuesName ?? component.name;
  return (component.valueLayers ?? []).map((layer) => `$values/deploy/values/${layer === 'env' ? env : 'common'}/${name}.yaml`);
}

function componentApplication(component: Component, env: Environment, settings: GitopsSettings): Manifest {
  const git = { repoURL: settings.repoURL, targetRevision: settings.environments[env].targetRevision };
  const sources: Manifest[] = [];
  if (component.chart) {
    const chart = component.chart(env);
    const files = valueFiles(component, env);
    sources.push({
      repoURL: chart.repoURL,
      chart: chart.chart,
      targetRevision: chart.version,
      helm: { releaseName: component.name, ...(files.length > 0 ? { valueFiles: files } : {}) },
    });
  }
  if (component.path) sources.push({ ...git, path: component.path });
  for (const path of component.extraPaths ?? []) sources.push({ ...git, path });
  if (component.valueLayers?.length) sources.push({ ...git, ref: 'values' });
  const ignoreDifferences = component.ignoreDifferences ?? [];
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: withEnvLabel(metadata(`${env}-${component.name}`, component.wave), env),
    spec: {
      project: projectName(env),
      sources,
      destination: { server: settings.environments[env].destinationServer, namespace: component.namespace },
      syncPolicy: syncPolicy(component.serverSideApply ?? false, ignoreDifferences.length > 0),
      ...(ignoreDifferences.length > 0 ? { ignoreDifferences } : {}),
    },
  };
}

function appsApplicationSet(env: Environment, settings: GitopsSettings): Manifest {
  const git = { repoURL: settings.repoURL, targetRevision: settings.environments[env].targetRevision };
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: withEnvLabel({ ...metadata(`${env}-platform-apps`, APPS_WAVE), finalizers: undefined }, env),
    spec: {
      goTemplate: true,
      goTemplateOptions: ['missingkey=error'],
      generators: [{ list: { elements: APPS.map((name) => ({ name })) } }],
      template: {
        metadata: {
          name: `${env}-{{.name}}`,
          labels: { 'app.kubernetes.io/part-of': 'observability-platform', 'observability-platform/environment': env },
          finalizers: ['resources-finalizer.argocd.argoproj.io'],
        },
        spec: {
          project: projectName(env),
          sources: [
            {
              ...git,
              path: 'helm/{{.name}}',
              helm: {
                releaseName: '{{.name}}',
                valueFiles: ['$values/deploy/values/common/{{.name}}.yaml', `$values/deploy/values/${env}/{{.name}}.yaml`],
              },
            },
            { ...git, ref: 'values' },
          ],
          destination: { server: settings.environments[env].destinationServer, namespace: APPS_NAMESPACE },
          syncPolicy: syncPolicy(false, true),
          // The HorizontalPodAutoscaler owns replicas when autoscaling is on.
          ignoreDifferences: [{ group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] }],
        },
      },
    },
  };
}

function appProject(env: Environment, settings: GitopsSettings): Manifest {
  const server = settings.environments[env].destinationServer;
  const chartRepos = [...new Set(STACK.flatMap(({ chart }) => (chart ? ENVIRONMENTS.map((e) => chart(e).repoURL) : [])))].sort();
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: { name: projectName(env), namespace: ARGOCD_NAMESPACE, annotations: { 'argocd.argoproj.io/sync-wave': '-20' } },
    spec: {
      description: `Observability platform, ${env}: the LGTM stack and the platform's services.`,
      sourceRepos: [settings.repoURL, ...chartRepos],
      destinations: [MONITORING_NAMESPACE, APPS_NAMESPACE, 'default'].map((namespace) => ({ server, namespace })),
      // Namespaces, CRDs and the operators' cluster roles and webhooks are cluster-scoped.
      clusterResourceWhitelist: [{ group: '*', kind: '*' }],
    },
  };
}

function rootApplication(env: Environment, settings: GitopsSettings): Manifest {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: withEnvLabel({ ...metadata(`${env}-root`, 0), annotations: undefined }, env),
    spec: {
      project: 'default',
      source: { repoURL: settings.repoURL, targetRevision: settings.environments[env].targetRevision, path: `${ARGOCD_DIR}/${env}/apps` },
      destination: { server: 'https://kubernetes.default.svc', namespace: ARGOCD_NAMESPACE },
      syncPolicy: syncPolicy(false, false),
    },
  };
}

const HEADER = '# Generated by `npx nx run gitops-checks:generate` from deploy/values/gitops.yaml and\n# tools/gitops/src/argocd/. Do not edit; a test fails when this file is stale.\n';

function toYaml(manifest: Manifest): string {
  // Drop keys set to undefined above so they do not render as `null`.
  return HEADER + stringify(JSON.parse(JSON.stringify(manifest)), { lineWidth: 0 });
}

/** Repo-relative path → file content, for every environment. */
export function renderArgocd(settings: GitopsSettings): Map<string, string> {
  const files = new Map<string, string>();
  for (const env of ENVIRONMENTS) {
    const dir = `${ARGOCD_DIR}/${env}`;
    files.set(`${dir}/root.yaml`, toYaml(rootApplication(env, settings)));
    files.set(`${dir}/apps/project.yaml`, toYaml(appProject(env, settings)));
    for (const component of STACK) files.set(`${dir}/apps/${component.name}.yaml`, toYaml(componentApplication(component, env, settings)));
    files.set(`${dir}/apps/platform-apps.yaml`, toYaml(appsApplicationSet(env, settings)));
  }
  return files;
}
