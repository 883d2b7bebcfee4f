// The chart step of .github/workflows/helm.yml, with the helm the chart tests use (unpacked by
// helm-charts:unpack, which this target depends on): every app chart lints and renders with the
// image tags CI writes into deploy/values/dev, and a value the chart schema refuses fails the step.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliPaths, deployableApps, runCli } from '../src/gitops/cli';
import { loadWorkflows, WORKSPACE_ROOT } from '../src/workflows/workflow-files';

const HELM = join(WORKSPACE_ROOT, '.tools', 'bin', 'helm');
const SCRIPT = join(WORKSPACE_ROOT, 'tools', 'ci', 'scripts', 'helm-check.sh');
const APPS = ['orders', 'payments', 'users', 'loadgen'];

describe('helm-check.sh', () => {
  let root: string;
  let paths: CliPaths;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'helm-check-'));
    cpSync(join(WORKSPACE_ROOT, 'helm'), join(root, 'helm'), { recursive: true });
    cpSync(join(WORKSPACE_ROOT, 'deploy', 'values'), join(root, 'values'), { recursive: true });
    paths = { helmDir: join(root, 'helm'), valuesDir: join(root, 'values') };
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const check = () => {
    const result = spawnSync('bash', [SCRIPT, paths.helmDir, paths.valuesDir], {
      encoding: 'utf8',
      env: { ...process.env, HELM },
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };

  it('runs the helm version the workflow pins', () => {
    const version = execFileSync(HELM, ['version', '--template', '{{.Version}}'], {
      encoding: 'utf8',
    }).trim();
    const helmWorkflow = loadWorkflows().find((w) => w.path.endsWith('/helm.yml'));
    const setup = Object.values(helmWorkflow?.workflow.jobs ?? {})
      .flatMap((j) => j.steps)
      .find((s) => s.uses?.startsWith('azure/setup-helm@'));
    expect(setup?.with?.['version']).toBe(version);
  });

  it('lints and renders every app chart with the image tags CI commits to dev', () => {
    expect(deployableApps(APPS, paths.helmDir)).toEqual(APPS);
    runCli(
      ['set-image', '--env', 'dev', '--registry', 'ghcr.io/acme', '--tag', `sha-${'a'.repeat(40)}`, ...APPS],
      paths,
    );
    const result = check();
    expect(result.status).toBe(0);
    for (const app of APPS) {
      expect(result.output).toContain(`ok   ${app} (argocd dev)`);
      expect(result.output).toContain(`ok   ${app} (argocd prod)`);
    }
    const rendered = execFileSync(
      HELM,
      [
        'template',
        'orders',
        join(paths.helmDir, 'orders'),
        ...['common', 'dev'].flatMap((env) => ['-f', join(paths.valuesDir, env, 'orders.yaml')]),
      ],
      { encoding: 'utf8' },
    );
    expect(rendered).toContain(`image: "ghcr.io/acme/orders:sha-${'a'.repeat(40)}"`);
  });

  it('fails, naming chart and environment, on a value the chart schema refuses', () => {
    appendFileSync(join(paths.valuesDir, 'prod', 'users.yaml'), '\nreplicaz: 3\n');
    const result = check();
    expect(result.status).toBe(1);
    expect(result.output).toContain('FAIL users (argocd prod)');
    expect(result.output).toContain('replicaz');
  });
});
