// A wrong value fails `helm lint` and `helm template` with a message naming the value, instead of
// rendering something that fails (or worse, half-works) in the cluster.
import { ChartWorkspace } from './testing/chart-workspace';

let workspace: ChartWorkspace;
beforeAll(async () => {
  workspace = await ChartWorkspace.create();
});
afterAll(() => workspace?.dispose());

// [what is wrong, chart, values file content, expected message]
const SCHEMA_CASES: [string, string, string, RegExp][] = [
  ['negative replicas', 'orders', 'replicas: -1\n', /at '\/replicas': minimum: got -1, want 0/],
  ['missing image', 'payments', 'image: null\n', /missing property 'image'/],
  [
    'empty image repository',
    'users',
    'image:\n  repository: ""\n',
    /at '\/image\/repository': minLength: got 0, want 1/,
  ],
  ['unknown top-level key', 'orders', 'replcas: 3\n', /additional properties 'replcas' not allowed/],
  [
    'unknown nested key',
    'users',
    'networkPolicy:\n  enable: false\n',
    /at '\/networkPolicy': additional properties 'enable' not allowed/,
  ],
  [
    'gRPC port on the load generator',
    'loadgen',
    'grpcPort: 9090\n',
    /additional properties 'grpcPort' not allowed/,
  ],
  ['string for an integer', 'payments', 'replicas: two\n', /at '\/replicas': got string, want integer/],
  [
    'string for a boolean',
    'orders',
    'serviceMonitor:\n  enabled: "yes"\n',
    /at '\/serviceMonitor\/enabled': got string, want boolean/,
  ],
  ['port out of range', 'users', 'httpPort: 70000\n', /at '\/httpPort': maximum/],
  ['root user', 'orders', 'runAsUser: 0\n', /at '\/runAsUser': minimum: got 0, want 1/],
  [
    'bad CPU quantity',
    'payments',
    'resources:\n  requests:\n    cpu: lots\n',
    /at '\/resources\/requests\/cpu': 'lots' does not match pattern/,
  ],
  ['lower-case env name', 'loadgen', 'env:\n  log_level: debug\n', /invalid propertyName 'log_level'/],
  [
    'DATABASE_URL as a plain value',
    'orders',
    'env:\n  DATABASE_URL: postgres://u:p@db/orders\n',
    /invalid propertyName 'DATABASE_URL'/,
  ],
  [
    'ADMIN_TOKEN as a plain value',
    'users',
    'env:\n  ADMIN_TOKEN: hunter22\n',
    /invalid propertyName 'ADMIN_TOKEN'/,
  ],
  [
    'PORT through env, bypassing httpPort',
    'payments',
    'env:\n  PORT: "9999"\n',
    /invalid propertyName 'PORT'/,
  ],
  [
    'database without its Secret',
    'users',
    'database:\n  enabled: true\n',
    /at '\/database\/existingSecret': minLength: got 0, want 1/,
  ],
  [
    'database unreachable through the NetworkPolicy',
    'payments',
    'database:\n  enabled: true\n  existingSecret: db\n',
    /at '\/database\/egressTo': minItems: got 0, want 1/,
  ],
];

describe.each(SCHEMA_CASES)('%s', (_what, chart, values, message) => {
  beforeAll(() => workspace.writeFile(chart, 'bad-values.yaml', values));

  it('fails helm template with a message naming the value', () => {
    const result = workspace.template(chart, { valuesFiles: ['bad-values.yaml'] });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('fails helm lint --strict with the same message', () => {
    const result = workspace.lint(chart, { valuesFiles: ['bad-values.yaml'] });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(message);
  });
});

// Checks the schema cannot express (comparing two values) or that must hold even when someone
// renders with --skip-schema-validation live in service-lib's _validate.tpl. `helm lint` turns a
// template's `fail` into a log line, so these fail `helm template` (and an ArgoCD sync) only.
const TEMPLATE_CASES: [string, string, string, RegExp][] = [
  [
    'HPA ceiling under its floor',
    'orders',
    'autoscaling:\n  enabled: true\n  minReplicas: 4\n  maxReplicas: 2\n',
    /autoscaling\.maxReplicas \(2\) must be at least autoscaling\.minReplicas \(4\)/,
  ],
  [
    'DATABASE_URL as a plain value, schema skipped',
    'orders',
    'env:\n  DATABASE_URL: postgres://u:p@db/orders\n',
    /env\.DATABASE_URL: secrets are never plain values; put it in a Secret and set database\.existingSecret/,
  ],
  [
    'ADMIN_TOKEN as a plain value, schema skipped',
    'users',
    'env:\n  ADMIN_TOKEN: hunter22\n',
    /env\.ADMIN_TOKEN: secrets are never plain values; put it in a Secret and set adminToken\.existingSecret/,
  ],
  [
    'database without its Secret, schema skipped',
    'payments',
    'database:\n  enabled: true\n',
    /database\.enabled needs database\.existingSecret/,
  ],
];

describe.each(TEMPLATE_CASES)('%s', (what, chart, values, message) => {
  it('fails helm template with a message naming the values', () => {
    workspace.writeFile(chart, 'bad-template-values.yaml', values);
    const skip = what.endsWith('schema skipped') ? ['--skip-schema-validation'] : [];
    const args = [
      'template',
      chart,
      workspace.chartDir(chart),
      '-f',
      `${workspace.chartDir(chart)}/bad-template-values.yaml`,
      ...skip,
    ];
    const result = workspace.helm(args);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(message);
  });
});

it('accepts the same chart once the value is fixed', () => {
  workspace.writeFile('orders', 'good-values.yaml', 'replicas: 0\nenv:\n  FEATURE_FLAGS: "fast-checkout"\n');
  expect(workspace.template('orders', { valuesFiles: ['good-values.yaml'] }).status).toBe(0);
});
