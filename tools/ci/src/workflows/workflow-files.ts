// Reads the GitHub Actions workflows as both text (for line-level rules such as the version comment
// beside a pinned SHA) and data (for structural rules).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..', '..');
export const WORKFLOWS_DIR = join(WORKSPACE_ROOT, '.github', 'workflows');

export interface Step {
  readonly name?: string;
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, unknown>;
  readonly if?: string;
}

export type Permissions = Record<string, 'read' | 'write' | 'none'>;

export interface Job {
  readonly name?: string;
  readonly 'runs-on': string;
  readonly permissions?: Permissions;
  readonly 'timeout-minutes'?: number;
  readonly needs?: string | string[];
  readonly steps: readonly Step[];
}

export interface Workflow {
  readonly name: string;
  readonly on: Record<string, unknown>;
  readonly permissions?: Permissions | string;
  readonly concurrency?: { group: string; 'cancel-in-progress': boolean };
  readonly env?: Record<string, string>;
  readonly jobs: Record<string, Job>;
}

export interface WorkflowFile {
  /** Path relative to the workspace root, as actionlint and error messages name it. */
  readonly path: string;
  readonly text: string;
  readonly workflow: Workflow;
}

export function parseWorkflow(path: string, text: string): WorkflowFile {
  return { path, text, workflow: parse(text) as Workflow };
}

export function loadWorkflows(dir: string = WORKFLOWS_DIR): WorkflowFile[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => parseWorkflow(`.github/workflows/${f}`, readFileSync(join(dir, f), 'utf8')));
}

/** Every step of every job, with the job it belongs to. */
export function allSteps(file: WorkflowFile): { jobId: string; job: Job; step: Step }[] {
  return Object.entries(file.workflow.jobs).flatMap(([jobId, job]) =>
    (job.steps ?? []).map((step) => ({ jobId, job, step })),
  );
}

/** The action a step uses without its ref ("docker/build-push-action"), or undefined for run steps. */
export function actionName(step: Step): string | undefined {
  return step.uses?.split('@')[0];
}
