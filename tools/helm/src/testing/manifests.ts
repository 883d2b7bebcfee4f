// Typed views of the rendered objects the specs look into (only the fields they assert on).
import type { K8sObject } from './k8s-models';
import { required } from './scenarios';

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    fieldRef?: { fieldPath: string };
    secretKeyRef?: { name: string; key: string };
    configMapKeyRef?: { name: string; key: string };
  };
}

export interface HttpProbe {
  httpGet: { path: string; port: string | number };
}

export interface Container {
  name: string;
  image: string;
  ports: { name: string; containerPort: number; protocol: string }[];
  env: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  resources: { requests?: Record<string, string | number>; limits?: Record<string, string | number> };
  securityContext: Record<string, unknown> & { capabilities?: { drop?: string[]; add?: string[] } };
  livenessProbe?: HttpProbe;
  readinessProbe?: HttpProbe;
  startupProbe?: HttpProbe;
  lifecycle?: { preStop?: { sleep?: { seconds: number }; exec?: unknown } };
  volumeMounts?: { name: string; mountPath: string }[];
}

export interface PodSpec {
  serviceAccountName: string;
  automountServiceAccountToken?: boolean;
  securityContext: Record<string, unknown>;
  terminationGracePeriodSeconds: number;
  topologySpreadConstraints?: {
    topologyKey: string;
    labelSelector: { matchLabels: Record<string, string> };
  }[];
  containers: Container[];
  initContainers?: Container[];
  volumes?: { name: string; emptyDir?: object; hostPath?: object }[];
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
}

export interface Workload {
  deployment: K8sObject;
  selector: Record<string, string>;
  podLabels: Record<string, string>;
  pod: PodSpec;
  container: Container;
}

export function workloadOf(objects: readonly K8sObject[]): Workload {
  const deployment = required(objects, 'Deployment');
  const spec = deployment['spec'] as {
    selector: { matchLabels: Record<string, string> };
    template: { metadata: { labels: Record<string, string> }; spec: PodSpec };
  };
  const [container, ...others] = spec.template.spec.containers;
  if (!container || others.length > 0) throw new Error('expected exactly one container');
  return {
    deployment,
    selector: spec.selector.matchLabels,
    podLabels: spec.template.metadata.labels,
    pod: spec.template.spec,
    container,
  };
}

/** Whether a matchLabels selector selects an object with these labels. */
export function selects(matchLabels: Record<string, string>, labels: Record<string, string>): boolean {
  return (
    Object.keys(matchLabels).length > 0 && Object.entries(matchLabels).every(([k, v]) => labels[k] === v)
  );
}

export function configMapData(objects: readonly K8sObject[]): Record<string, string> {
  return required(objects, 'ConfigMap')['data'] as Record<string, string>;
}
