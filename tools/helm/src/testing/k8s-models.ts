// Validates rendered manifests against the Kubernetes and prometheus-operator OpenAPI schemas by
// constructing each object's kubernetes-models class and calling validate().
// The model packages are ESM-only; dynamic import() keeps this CommonJS file able to load them.
export interface K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly labels?: Record<string, string> };
  readonly [field: string]: unknown;
}

interface Validatable {
  validate(): void;
}

type Models = Record<string, new (data: never) => Validatable>;
let models: Promise<Models> | undefined;

async function importModels(): Promise<Models> {
  const [core, apps, autoscaling, networking, policy, monitoring] = await Promise.all([
    import('kubernetes-models/v1'),
    import('kubernetes-models/apps/v1'),
    import('kubernetes-models/autoscaling/v2'),
    import('kubernetes-models/networking.k8s.io/v1'),
    import('kubernetes-models/policy/v1'),
    import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1'),
  ]);
  return {
    'v1/ConfigMap': core.ConfigMap,
    'v1/Service': core.Service,
    'v1/ServiceAccount': core.ServiceAccount,
    'apps/v1/Deployment': apps.Deployment,
    'autoscaling/v2/HorizontalPodAutoscaler': autoscaling.HorizontalPodAutoscaler,
    'networking.k8s.io/v1/NetworkPolicy': networking.NetworkPolicy,
    'policy/v1/PodDisruptionBudget': policy.PodDisruptionBudget,
    'monitoring.coreos.com/v1/ServiceMonitor': monitoring.ServiceMonitor,
    'monitoring.coreos.com/v1/PrometheusRule': monitoring.PrometheusRule,
  };
}

/** Throws, naming the object and the failing field, when the object does not fit its schema. */
export async function validateObject(obj: K8sObject): Promise<void> {
  models ??= importModels();
  const Model = (await models)[`${obj.apiVersion}/${obj.kind}`];
  if (!Model) throw new Error(`${obj.apiVersion} ${obj.kind} has no model here; add it to MODELS`);
  try {
    new Model(obj as never).validate();
  } catch (err) {
    throw new Error(
      `${obj.kind}/${obj.metadata.name} is not a valid ${obj.apiVersion} ${obj.kind}: ${String(err)}`,
    );
  }
}
