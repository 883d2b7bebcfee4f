// The one source of the app charts' values.schema.json files: the four charts share the library
// chart's templates, so they share one values shape. `sync-schemas` writes the files; the spec fails
// when a committed file differs from what this module generates.
type Schema = Record<string, unknown>;

export interface ChartSchemaOptions {
  /** Whether the service has a gRPC port (loadgen has none, so `grpcPort` is then unknown). */
  readonly grpc: boolean;
}

/** An object that rejects keys it does not list: the guard against misspelt values. */
function object(properties: Record<string, Schema>, required: string[] = Object.keys(properties)): Schema {
  return { type: 'object', additionalProperties: false, required, properties };
}

const str = (extra: Schema = {}): Schema => ({ type: 'string', ...extra });
const nonEmpty: Schema = str({ minLength: 1 });
const bool: Schema = { type: 'boolean' };
const port: Schema = { type: 'integer', minimum: 1, maximum: 65535 };
const dnsLabel: Schema = str({ pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 63 });
const stringMap: Schema = { type: 'object', additionalProperties: { type: 'string' } };
// Kubernetes quantities (100m, 0.5, 128Mi, 1G); numbers are accepted as YAML users write `cpu: 1`.
const quantity: Schema = {
  type: ['string', 'number'],
  pattern: '^[0-9]+(\\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$',
};
const duration: Schema = str({ pattern: '^([0-9]+(ms|s|m|h))+$' });

function resources(): Schema {
  const amounts = object({ cpu: quantity, memory: quantity });
  return object({ requests: amounts, limits: amounts });
}

function networkPolicy(grpc: boolean): Schema {
  const apps: Schema = { type: 'array', items: dnsLabel, uniqueItems: true };
  return object({
    enabled: bool,
    ingressNamespace: { anyOf: [dnsLabel, { const: '' }] },
    monitoringNamespace: { anyOf: [dnsLabel, { const: '' }] },
    scraperPodLabels: stringMap,
    restClients: apps,
    ...(grpc ? { grpcClients: apps } : {}),
    egressTo: { type: 'array', items: object({ app: dnsLabel, port }) },
  });
}

/** Env names the chart sets itself (service-lib's _validate.tpl keeps the same list). */
export const RESERVED_ENV = [
  'DATABASE_URL',
  'ADMIN_TOKEN',
  'PORT',
  'GRPC_PORT',
  'SHUTDOWN_TIMEOUT_MS',
  'LOG_LEVEL',
  'LOG_FORMAT',
  'DEPLOYMENT_ENVIRONMENT',
  'OTEL_SERVICE_NAME',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_EXPORTER_OTLP_PROTOCOL',
  'OTEL_RESOURCE_ATTRIBUTES',
  'POD_NAME',
  'POD_NAMESPACE',
  'NODE_NAME',
] as const;

const whenEnabled: Schema = { properties: { enabled: { const: true } }, required: ['enabled'] };

// Helm adds these itself (the library dependency's empty values, and `global`); not settings.
const HELM_MANAGED: Record<string, Schema> = {
  'service-lib': { type: 'object' },
  global: { type: 'object' },
};

export function valuesSchema(options: ChartSchemaOptions): Schema {
  const settings: Record<string, Schema> = {
    image: object({
      repository: nonEmpty,
      // Image tags allow [A-Za-z0-9_.-]; the tag also goes into OTEL_RESOURCE_ATTRIBUTES unescaped.
      tag: str({ pattern: '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$' }),
      pullPolicy: { enum: ['Always', 'IfNotPresent', 'Never'] },
    }),
    imagePullSecrets: { type: 'array', items: nonEmpty },
    fullnameOverride: { anyOf: [dnsLabel, { const: '' }] },
    component: dnsLabel,
    replicas: { type: 'integer', minimum: 0 },
    httpPort: port,
    ...(options.grpc ? { grpcPort: port } : {}),
    logLevel: { enum: ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] },
    deploymentEnvironment: dnsLabel,
    env: {
      type: 'object',
      // Secrets and the variables the chart sets from its own values are refused as plain env
      // (`helm template` then explains why; `helm lint` names the key).
      propertyNames: { pattern: '^[A-Z_][A-Z0-9_]*$', not: { enum: [...RESERVED_ENV] } },
      additionalProperties: { type: 'string' },
    },
    shutdownTimeoutMs: { type: 'integer', minimum: 0, maximum: 600000 },
    preStopSleepSeconds: { type: 'integer', minimum: 0, maximum: 120 },
    // Restricted PSS: non-root, so never uid 0.
    runAsUser: { type: 'integer', minimum: 1 },
    tmpSizeLimit: quantity,
    resources: resources(),
    podLabels: stringMap,
    podAnnotations: stringMap,
    nodeSelector: stringMap,
    tolerations: { type: 'array', items: { type: 'object' } },
    serviceAccount: object({ create: bool, name: str(), annotations: stringMap, automountToken: bool }),
    autoscaling: object({
      enabled: bool,
      minReplicas: { type: 'integer', minimum: 1 },
      maxReplicas: { type: 'integer', minimum: 1 },
      targetCPUUtilizationPercentage: { type: 'integer', minimum: 1, maximum: 100 },
    }),
    otelCollector: object({
      host: nonEmpty,
      port,
      namespace: dnsLabel,
      podLabels: { ...stringMap, minProperties: 1 },
    }),
    networkPolicy: networkPolicy(options.grpc),
    serviceMonitor: object({ enabled: bool, interval: duration, scrapeTimeout: duration, labels: stringMap }),
    prometheusRule: object({ enabled: bool, labels: stringMap }),
    database: {
      ...object({
        enabled: bool,
        existingSecret: str(),
        existingSecretKey: nonEmpty,
        port,
        egressTo: { type: 'array', items: { type: 'object', minProperties: 1 } },
      }),
      // On, the Secret's name is needed: DATABASE_URL never comes from a plain value.
      if: whenEnabled,
      then: { properties: { existingSecret: { minLength: 1 } } },
    },
    adminToken: object({ existingSecret: str(), existingSecretKey: nonEmpty }),
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Values of a platform service chart (templates in helm/service-lib)',
    ...object({ ...settings, ...HELM_MANAGED }, Object.keys(settings)),
    // With the default-deny NetworkPolicy on, a database nobody may reach is a misconfiguration.
    if: {
      properties: { database: whenEnabled, networkPolicy: whenEnabled },
      required: ['database', 'networkPolicy'],
    },
    then: { properties: { database: { properties: { egressTo: { minItems: 1 } } } } },
  };
}

/** The file content for a chart: stable key order and a trailing newline, as committed. */
export function renderValuesSchema(options: ChartSchemaOptions): string {
  return `${JSON.stringify(valuesSchema(options), null, 2)}\n`;
}
