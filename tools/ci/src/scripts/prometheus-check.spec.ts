// The promtool/amtool step of .github/workflows/prometheus.yml passes on the repository and fails,
// naming the file, when a rule or the Alertmanager config is broken.
import { AMTOOL, describeWithBinaries, PROMTOOL } from '@obs/testing';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from '../workflows/workflow-files';

const SCRIPT = join(WORKSPACE_ROOT, 'tools', 'ci', 'scripts', 'prometheus-check.sh');

function check(root: string) {
  const result = spawnSync('bash', [SCRIPT, root], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A copy of the files the script reads: deploy/local, deploy/alertmanager and the charts' rules. */
function copyConfig(): string {
  const root = mkdtempSync(join(tmpdir(), 'prometheus-check-'));
  for (const dir of ['deploy/local', 'deploy/alertmanager']) {
    cpSync(join(WORKSPACE_ROOT, dir), join(root, dir), { recursive: true });
  }
  for (const chart of readdirSync(join(WORKSPACE_ROOT, 'helm'))) {
    const rules = join(WORKSPACE_ROOT, 'helm', chart, 'rules');
    if (existsSync(rules)) cpSync(rules, join(root, 'helm', chart, 'rules'), { recursive: true });
  }
  return root;
}

describeWithBinaries([PROMTOOL, AMTOOL], 'prometheus-check.sh', () => {
  let root: string;
  beforeEach(() => {
    root = copyConfig();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('passes on the repository', () => {
    const result = check(WORKSPACE_ROOT);
    expect(result.output).toContain('is valid prometheus config file syntax');
    expect(result.status).toBe(0);
  });

  it('fails on a rule whose expression does not parse', () => {
    const dir = join(root, 'deploy', 'local', 'rules');
    const [file = ''] = readdirSync(dir).filter((f) => f.endsWith('.yml'));
    writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace(/expr: /, 'expr: sum(( '));
    const result = check(root);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(file);
  });

  it('fails on an Alertmanager config that routes to an unknown receiver', () => {
    const file = join(root, 'deploy', 'alertmanager', 'alertmanager.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/receiver: ([\w-]+)/, 'receiver: nobody-home'));
    const result = check(root);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('nobody-home');
  });
});
