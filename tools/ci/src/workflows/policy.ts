// Supply-chain and least-privilege rules that a schema cannot express: every action pinned to a
// commit SHA with its version beside it, one version of each action across workflows, each granted
// permission justified by a step that needs it, no expression interpolated into a shell script,
// deployments never cancelled half-way, no install scripts in jobs holding a write token.
import { actionName, allSteps, Job, WorkflowFile } from './workflow-files';

/** owner/repo[/path]@<40 hex> # v1.2.3 (the comment Dependabot keeps current). */
const PINNED_USES =
  /^\s*(?:-\s+)?uses:\s+([\w.-]+\/[\w.-]+(?:\/[\w./-]+)?)@([0-9a-f]{40})\s+#\s+v\d+(?:\.\d+){0,2}\s*$/;

export function pinningProblems(file: WorkflowFile): string[] {
  return file.text.split('\n').flatMap((line, i) => {
    if (!/^\s*(?:-\s+)?uses:/.test(line)) return [];
    if (/uses:\s+\.\//.test(line)) return [];
    return PINNED_USES.test(line)
      ? []
      : [`${file.path}:${i + 1}: pin to a full commit SHA with a "# vX.Y.Z" comment: ${line.trim()}`];
  });
}

/** Each action is pinned to the same commit everywhere, so an upgrade is one reviewed change. */
export function pinConsistencyProblems(files: readonly WorkflowFile[]): string[] {
  const refs = new Map<string, Set<string>>();
  for (const file of files) {
    for (const { step } of allSteps(file)) {
      const name = actionName(step);
      if (!name || !step.uses) continue;
      refs.set(name, (refs.get(name) ?? new Set()).add(step.uses.split('@')[1] ?? ''));
    }
  }
  return [...refs]
    .filter(([, shas]) => shas.size > 1)
    .map(([name, shas]) => `${name} pinned to ${[...shas].join(', ')}`);
}

type Grant = `${string}:${'read' | 'write'}`;

const uses = (job: Job, action: string) => job.steps.some((s) => actionName(s) === action);
const runs = (job: Job, pattern: RegExp) => job.steps.some((s) => s.run !== undefined && pattern.test(s.run));

/** Why a job may hold each permission: a step in it that cannot work without it. */
const JUSTIFICATIONS: Record<Grant, (job: Job) => boolean> = {
  // Checking out the repository.
  'contents:read': (job) => uses(job, 'actions/checkout'),
  'contents:write': (job) => runs(job, /\bgit push\b/),
  'actions:read': (job) => uses(job, 'nrwl/nx-set-shas') || uses(job, 'anchore/sbom-action'),
  'packages:write': (job) => uses(job, 'docker/login-action') && uses(job, 'docker/build-push-action'),
  'security-events:write': (job) => uses(job, 'github/codeql-action/upload-sarif'),
  'pull-requests:write': (job) => runs(job, /\bgh pr create\b/),
};

export function permissionProblems(file: WorkflowFile): string[] {
  return Object.entries(file.workflow.jobs).flatMap(([jobId, job]) =>
    Object.entries(job.permissions ?? {})
      .filter(([, level]) => level !== 'none')
      .flatMap(([scope, level]) => {
        const justified = JUSTIFICATIONS[`${scope}:${level}` as Grant];
        return justified?.(job) ? [] : [`${file.path} job ${jobId}: no step needs ${scope}: ${level}`];
      }),
  );
}

const holdsWriteToken = (job: Job) => Object.values(job.permissions ?? {}).includes('write');

export function scriptProblems(file: WorkflowFile): string[] {
  return allSteps(file).flatMap(({ jobId, job, step }) => {
    const problems: string[] = [];
    const where = `${file.path} job ${jobId} step "${step.name ?? step.run?.split('\n')[0]}"`;
    // Values reach scripts through env:, so no expression result is ever parsed as shell code.
    if (step.run?.includes('${{')) problems.push(`${where}: pass \${{ }} values through env:, not into run:`);
    if (
      step.run &&
      /\bnpm (ci|install)\b/.test(step.run) &&
      holdsWriteToken(job) &&
      !/--ignore-scripts/.test(step.run)
    ) {
      problems.push(`${where}: a job with a write token installs packages without --ignore-scripts`);
    }
    if (actionName(step) === 'actions/checkout' && job.permissions?.['contents'] !== 'write') {
      if (step.with?.['persist-credentials'] !== false) {
        problems.push(`${where}: read-only checkout should set persist-credentials: false`);
      }
    }
    return problems;
  });
}

/** Workflows that write (images, values, pull requests) queue instead of cancelling each other. */
export function concurrencyProblems(file: WorkflowFile): string[] {
  const writes = Object.values(file.workflow.jobs).some(holdsWriteToken);
  const cancels = file.workflow.concurrency?.['cancel-in-progress'];
  if (writes && cancels !== false)
    return [`${file.path}: a workflow that writes must not cancel in progress`];
  if (!writes && cancels !== true) return [`${file.path}: a read-only check should cancel superseded runs`];
  return [];
}

export function policyProblems(files: readonly WorkflowFile[]): string[] {
  return [
    ...files.flatMap((f) => [
      ...pinningProblems(f),
      ...permissionProblems(f),
      ...scriptProblems(f),
      ...concurrencyProblems(f),
    ]),
    ...pinConsistencyProblems(files),
  ];
}
