import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { WORKSPACE_ROOT } from '../workflows/workflow-files';
import { CliPaths, deployableApps, runCli } from './cli';

describe('gitops CLI', () => {
  let root: string;
  let paths: CliPaths;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ci-gitops-'));
    paths = { helmDir: join(root, 'helm'), valuesDir: join(root, 'values') };
    for (const chart of ['orders', 'users']) {
      mkdirSync(join(paths.helmDir, chart), { recursive: true });
      writeFileSync(join(paths.helmDir, chart, 'Chart.yaml'), `name: ${chart}\n`);
    }
    mkdirSync(join(paths.valuesDir, 'dev'), { recursive: true });
    mkdirSync(join(paths.valuesDir, 'prod'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const values = (env: string, app: string) =>
    readFileSync(join(paths.valuesDir, env, `${app}.yaml`), 'utf8');

  it('keeps only the affected apps that ship a chart', () => {
    expect(runCli(['deployable', '["orders","slo-report","users","services-e2e"]'], paths)).toBe(
      '["orders","users"]',
    );
    expect(deployableApps(['../orders'], paths.helmDir)).toEqual([]);
  });

  it('writes the pushed image into dev values, lower-casing the owner GitHub may spell in capitals', () => {
    runCli(
      ['set-image', '--env', 'dev', '--registry', 'ghcr.io/Acme-Org/', '--tag', 'sha-0123abc', 'orders'],
      paths,
    );
    expect(parse(values('dev', 'orders'))).toEqual({
      image: { repository: 'ghcr.io/acme-org/orders', tag: 'sha-0123abc' },
    });
    expect(values('dev', 'orders')).toContain('# dev overrides of the orders chart');
  });

  it('promotes exactly the images dev runs and refuses an app dev pins nothing for', () => {
    runCli(
      ['set-image', '--env', 'dev', '--registry', 'ghcr.io/acme', '--tag', 'sha-1', 'orders', 'users'],
      paths,
    );
    writeFileSync(
      join(paths.valuesDir, 'prod', 'orders.yaml'),
      '# prod: two replicas at least\nreplicas: 3\n',
    );

    const out = runCli(['promote', '--from', 'dev', '--to', 'prod', 'orders', 'users'], paths);
    expect(out.split('\n')).toEqual(['orders ghcr.io/acme/orders:sha-1', 'users ghcr.io/acme/users:sha-1']);
    expect(values('prod', 'orders')).toContain('# prod: two replicas at least');
    expect(parse(values('prod', 'orders'))).toEqual({
      replicas: 3,
      image: { repository: 'ghcr.io/acme/orders', tag: 'sha-1' },
    });

    expect(() => runCli(['promote', '--from', 'dev', '--to', 'prod', 'payments'], paths)).toThrow(
      'no image pinned in dev for: payments',
    );
  });

  it.each([
    [
      ['set-image', '--env', 'dev', '--registry', 'ghcr.io/acme', '--tag', 'bad tag!', 'orders'],
      'invalid image tag',
    ],
    [['set-image', '--env', 'dev', '--registry', 'ghcr.io/acme', 'orders'], '--tag is required'],
    [
      ['set-image', '--env', '../etc', '--registry', 'ghcr.io/acme', '--tag', 't', 'orders'],
      'invalid app name "../etc"',
    ],
    [['set-image', '--env', 'dev', '--registry', 'ghcr.io/acme', '--tag', 't'], 'name at least one app'],
    [['deployable', 'orders'], 'expected a JSON array'],
    [['deploy'], 'usage:'],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(() => runCli(argv, paths)).toThrow(message);
  });

  it('runs as the workflows run it, exiting 2 with the message on bad input', () => {
    // Exactly the workflows' invocation: node -r @swc-node/register from the repository root.
    const { SWC_NODE_PROJECT: _unset, ...env } = process.env;
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['-r', '@swc-node/register', 'tools/ci/src/gitops/cli.ts', ...args], {
        cwd: WORKSPACE_ROOT,
        encoding: 'utf8',
        env,
      });
    const ok = run('deployable', '["orders","slo-report"]');
    expect(ok.stderr).toBe('');
    expect(JSON.parse(ok.stdout)).toEqual(['orders']);

    const bad = run('nope');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('usage:');
  });
});
