// The GitOps shell steps of images.yml (deploy-dev) and promote-prod.yml, run verbatim as GitHub runs
// `shell: bash`, in a clone whose origin is a local bare repository standing in for GitHub. Only
// `gh` is a stand-in (it needs github.com): a script that records how it was called.
import { describeWithBinaries } from '@obs/testing';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadWorkflows, WORKSPACE_ROOT } from './workflow-files';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const workflows = loadWorkflows();

function script(workflow: string, job: string, containing: string): string {
  const file = workflows.find((w) => w.path.endsWith(`/${workflow}`));
  const run = file?.workflow.jobs[job]?.steps.find((s) => s.run?.includes(containing))?.run;
  if (!run) throw new Error(`no step running "${containing}" in ${workflow} job ${job}`);
  return run;
}

describeWithBinaries([{ binary: 'jq', debianPackage: 'jq' }], 'GitOps steps of the workflows', () => {
  let dir: string;
  let remote: string;
  let work: string;
  let ghLog: string;

  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const runStep = (cwd: string, run: string, env: Record<string, string>) =>
    spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', run], {
      cwd,
      encoding: 'utf8',
      env: {
        PATH: `${join(dir, 'bin')}:${process.env['PATH']}`,
        HOME: dir,
        GIT_CONFIG_NOSYSTEM: '1',
        REGISTRY: 'ghcr.io',
        GITHUB_SHA: SHA,
        ...env,
      },
    });
  const show = (ref: string, path: string) => git(remote, 'show', `${ref}:${path}`);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ci-gitops-steps-'));
    remote = join(dir, 'remote.git');
    work = join(dir, 'work');
    ghLog = join(dir, 'gh.log');
    mkdirSync(join(dir, 'bin'));
    writeFileSync(join(dir, 'bin', 'gh'), `#!/bin/sh\nprintf '%s\\n' "$@" > ${JSON.stringify(ghLog)}\n`);
    chmodSync(join(dir, 'bin', 'gh'), 0o755);
    git(dir, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
    git(dir, 'clone', '--quiet', remote, work);
    for (const [key, value] of [
      ['user.name', 'dev'],
      ['user.email', 'dev@example.com'],
    ])
      git(work, 'config', key, value);
    for (const app of ['orders', 'users']) {
      mkdirSync(join(work, 'helm', app), { recursive: true });
      writeFileSync(join(work, 'helm', app, 'Chart.yaml'), `name: ${app}\n`);
    }
    mkdirSync(join(work, 'deploy', 'values', 'dev'), { recursive: true });
    mkdirSync(join(work, 'deploy', 'values', 'prod'), { recursive: true });
    writeFileSync(
      join(work, 'deploy', 'values', 'dev', 'orders.yaml'),
      '# orders in dev: one pod.\nreplicas: 1\n',
    );
    writeFileSync(join(work, 'deploy', 'values', 'dev', 'kube-prometheus-stack.yaml'), 'grafana: {}\n');
    writeFileSync(join(work, 'deploy', 'values', 'prod', 'orders.yaml'), 'replicas: 3\n');
    writeFileSync(join(work, '.gitignore'), '/tools\n/node_modules\n');
    git(work, 'add', '.');
    git(work, 'commit', '--quiet', '-m', 'initial');
    git(work, 'push', '--quiet', 'origin', 'main');
    // The CLI the steps call, from this workspace.
    symlinkSync(join(WORKSPACE_ROOT, 'tools'), join(work, 'tools'));
    symlinkSync(join(WORKSPACE_ROOT, 'node_modules'), join(work, 'node_modules'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const deployDev = script('images.yml', 'deploy-dev', 'set-image');
  const devEnv = { APPS: '["orders","users"]', OWNER: 'Acme-Org' };

  it('deploy-dev commits the pushed tags to main, keeping the values files comments', () => {
    const result = runStep(work, deployDev, devEnv);
    expect(result.stderr).not.toContain('error');
    expect(result.status).toBe(0);
    expect(git(remote, 'log', '-1', '--format=%s', 'main')).toBe(
      `deploy(dev): orders users at ${SHA.slice(0, 12)}`,
    );
    const orders = show('main', 'deploy/values/dev/orders.yaml');
    expect(orders).toContain('# orders in dev: one pod.');
    expect(parse(orders)).toEqual({
      replicas: 1,
      image: { repository: 'ghcr.io/acme-org/orders', tag: `sha-${SHA}` },
    });
    expect(parse(show('main', 'deploy/values/dev/users.yaml'))).toEqual({
      image: { repository: 'ghcr.io/acme-org/users', tag: `sha-${SHA}` },
    });

    // A second run for the same commit has nothing to commit.
    const again = runStep(work, deployDev, devEnv);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('already pins these images');
  });

  it('deploy-dev rebases onto a main that moved meanwhile', () => {
    const other = join(dir, 'other');
    git(dir, 'clone', '--quiet', remote, other);
    writeFileSync(join(other, 'README.md'), 'moved on\n');
    git(other, 'add', '.');
    git(other, '-c', 'user.name=o', '-c', 'user.email=o@example.com', 'commit', '--quiet', '-m', 'meanwhile');
    git(other, 'push', '--quiet', 'origin', 'main');

    const result = runStep(work, deployDev, devEnv);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('push rejected (attempt 1)');
    expect(git(remote, 'log', '--format=%s', 'main').split('\n').slice(0, 2)).toEqual([
      `deploy(dev): orders users at ${SHA.slice(0, 12)}`,
      'meanwhile',
    ]);
  });

  it('promote-prod opens a pull request copying dev images to prod', () => {
    expect(runStep(work, deployDev, devEnv).status).toBe(0);
    git(work, 'pull', '--quiet', 'origin', 'main');

    const promote = script('promote-prod.yml', 'pull-request', 'promote --from dev --to prod');
    const result = runStep(work, promote, { RELEASE: 'v1.2.3', GH_TOKEN: 'unused' });
    expect(result.stderr).not.toContain('error');
    expect(result.status).toBe(0);
    const branch = 'promote/prod-v1.2.3';
    expect(parse(show(branch, 'deploy/values/prod/orders.yaml'))).toEqual({
      replicas: 3,
      image: { repository: 'ghcr.io/acme-org/orders', tag: `sha-${SHA}` },
    });
    expect(show(branch, 'deploy/values/prod/users.yaml')).toContain(`tag: sha-${SHA}`);
    const gh = readFileSync(ghLog, 'utf8').split('\n');
    expect(gh.slice(0, 7)).toEqual(['pr', 'create', '--base', 'main', '--head', branch, '--title']);
    expect(gh).toContain('deploy(prod): promote v1.2.3');
    expect(gh.join('\n')).toContain(`orders ghcr.io/acme-org/orders:sha-${SHA}`);
  });
});
