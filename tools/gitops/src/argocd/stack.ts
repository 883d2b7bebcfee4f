// What each environment runs, in sync-wave order. Chart versions are pinned here (see
// docs/gitops.md for why each one); values come from deploy/values/common and deploy/values/<env>.
import type { Environment } from './settings';

export interface ChartRef {
  readonly repoURL: string;
  readonly chart: string;
  readonly version: string;
}

export interface IgnoreDifference {
  readonly group: string;
  readonly kind: string;
  readonly jsonPointers?: readonly string[];
  readonly jqPathExpressions?: readonly string[];
}

export interface Component {
  /** Application and Helm release name (prefixed with the environment in Argo CD). */
  readonly name: string;
  readonly wave: number;
  readonly namespace: string;
  /** A chart from a Helm repository, per environment (Tempo differs), or a plain path of this repo. */
  readonly chart?: (env: Environment) => ChartRef;
  readonly path?: string;
  /** Value files, each `deploy/values/<layer>/<valuesName>.yaml`; `env` means the environment's folder. */
  readonly valueLayers?: ReadonlyArray<'common' | 'env'>;
  readonly valuesName?: string;
  /** Kustomize directories of this repo deployed with the chart (config that belongs to it). */
  readonly extraPaths?: readonly string[];
  readonly serverSideApply?: boolean;
  readonly ignoreDifferences?: readonly IgnoreDifference[];
}

export const CHART_REPOS = {
  prometheusCommunity: 'https://prometheus-community.github.io/helm-charts',
  grafanaCommunity: 'https://grafana-community.github.io/helm-charts',
  openTelemetry: 'https://open-telemetry.github.io/opentelemetry-helm-charts',
} as const;

/** Fields that controllers rewrite after Argo CD applies them; without these the apps never settle. */
const webhookCaBundles: IgnoreDifference[] = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'].map((kind) => ({
  group: 'admissionregistration.k8s.io',
  kind,
  jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'],
}));
const statefulSetClaimTemplates: IgnoreDifference = {
  group: 'apps',
  kind: 'StatefulSet',
  jqPathExpressions: ['.spec.volumeClaimTemplates[]?.apiVersion', '.spec.volumeClaimTemplates[]?.kind', '.spec.volumeClaimTemplates[]?.status'],
};

export const MONITORING_NAMESPACE = 'monitoring';
export const APPS_NAMESPACE = 'platform';

export const STACK: readonly Component[] = [
  { name: 'namespaces', wave: -10, namespace: 'default', path: 'deploy/argocd/namespaces' },
  {
    name: 'prometheus-operator-crds',
    wave: -5,
    namespace: MONITORING_NAMESPACE,
    chart: () => ({ repoURL: CHART_REPOS.prometheusCommunity, chart: 'prometheus-operator-crds', version: '32.0.0' }),
    // CRDs exceed the 256 KiB last-applied annotation of client-side apply.
    serverSideApply: true,
  },
  {
    name: 'kube-prometheus-stack',
    wave: 0,
    namespace: MONITORING_NAMESPACE,
    chart: () => ({ repoURL: CHART_REPOS.prometheusCommunity, chart: 'kube-prometheus-stack', version: '91.5.0' }),
    valueLayers: ['common', 'env'],
    extraPaths: ['deploy/grafana', 'deploy/alertmanager'],
    serverSideApply: true,
    ignoreDifferences: webhookCaBundles,
  },
  {
    name: 'loki',
    wave: 1,
    namespace: MONITORING_NAMESPACE,
    chart: () => ({ repoURL: CHART_REPOS.grafanaCommunity, chart: 'loki', version: '18.12.1' }),
    valueLayers: ['common', 'env'],
    ignoreDifferences: [statefulSetClaimTemplates],
  },
  {
    name: 'tempo',
    wave: 1,
    namespace: MONITORING_NAMESPACE,
    // One binary is plenty for dev; prod runs the microservices chart so ingest and query scale apart.
    chart: (env) =>
      env === 'prod'
        ? { repoURL: CHART_REPOS.grafanaCommunity, chart: 'tempo-distributed', version: '2.26.1' }
        : { repoURL: CHART_REPOS.grafanaCommunity, chart: 'tempo', version: '1.25.1' },
    valueLayers: ['env'],
    ignoreDifferences: [statefulSetClaimTemplates],
  },
  {
    name: 'opentelemetry-collector',
    wave: 2,
    namespace: MONITORING_NAMESPACE,
    chart: () => ({ repoURL: CHART_REPOS.openTelemetry, chart: 'opentelemetry-collector', version: '0.158.3' }),
    valueLayers: ['common', 'env'],
  },
];

/** The platform's own services, deployed from helm/<app> by one ApplicationSet after the stack. */
export const APPS = ['orders', 'payments', 'users', 'loadgen'] as const;
export const APPS_WAVE = 3;
