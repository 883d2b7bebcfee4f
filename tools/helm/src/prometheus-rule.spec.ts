// The PrometheusRule carries the SLO generator's helm/<svc>/rules/slo-rules.yaml unchanged, passes
// promtool, and is simply absent when the file is missing or the rule is turned off.
import { PROMTOOL, describeWithBinaries } from '@obs/testing';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { ChartWorkspace } from './testing/chart-workspace';
import { PLACEHOLDER_SLO_RULES } from './testing/fixtures';
import { validateObject } from './testing/k8s-models';
import { single } from './testing/scenarios';

const RULES = 'rules/slo-rules.yaml';
const SLO_SERVICES = ['orders', 'payments', 'users'];

let workspace: ChartWorkspace;
beforeAll(async () => {
  workspace = await ChartWorkspace.create();
  // The generator's files when it has run; otherwise the fixture stands in (only in the copy).
  for (const chart of SLO_SERVICES) {
    if (!workspace.hasFile(chart, RULES)) workspace.writeFile(chart, RULES, PLACEHOLDER_SLO_RULES);
  }
});
afterAll(() => workspace?.dispose());

const ruleFile = (chart: string): unknown =>
  parse(readFileSync(join(workspace.chartDir(chart), RULES), 'utf8'));

describe.each(SLO_SERVICES)('%s', (chart) => {
  it('renders rules/slo-rules.yaml as the spec of a valid PrometheusRule', async () => {
    const rule = single(workspace.render(chart), 'PrometheusRule');
    expect(rule).toBeDefined();
    if (!rule) return;
    expect(rule['spec']).toEqual(ruleFile(chart));
    await validateObject(rule);
  });

  it('adds the labels a Prometheus ruleSelector matches', () => {
    const rule = single(workspace.render(chart, { valuesFiles: ['ci/prod-values.yaml'] }), 'PrometheusRule');
    expect(rule?.metadata.labels).toMatchObject({
      release: 'kube-prometheus-stack',
      'app.kubernetes.io/name': chart,
    });
  });

  it('renders no PrometheusRule when turned off', () => {
    const objects = workspace.render(chart, { set: ['prometheusRule.enabled=false'] });
    expect(single(objects, 'PrometheusRule')).toBeUndefined();
  });
});

describeWithBinaries([PROMTOOL], 'rendered rules under promtool', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'helm-rules-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(SLO_SERVICES)('%s rules pass promtool check rules', (chart) => {
    const rule = single(workspace.render(chart), 'PrometheusRule');
    const file = join(dir, `${chart}.rules.yaml`);
    writeFileSync(file, stringify(rule?.['spec']));
    const check = spawnSync('promtool', ['check', 'rules', file], { encoding: 'utf8' });
    expect(check.stdout + check.stderr).toContain('SUCCESS');
    expect(check.status).toBe(0);
  });
});

describe('without usable rules', () => {
  it('renders no PrometheusRule, and everything else, when the file is missing', () => {
    const objects = workspace.withFile('users', RULES, null, () => workspace.render('users'));
    expect(single(objects, 'PrometheusRule')).toBeUndefined();
    expect(objects.map((o) => o.kind)).toContain('Deployment');
  });

  it('renders none for the load generator, which has no SLO', () => {
    expect(single(workspace.render('loadgen'), 'PrometheusRule')).toBeUndefined();
  });

  it.each([
    ['is not YAML', 'groups: [unclosed\n', /rules\/slo-rules\.yaml is not valid YAML/],
    [
      'has no groups list',
      'rules:\n  - record: x\n',
      /rules\/slo-rules\.yaml must be a PrometheusRule spec: an object with a `groups` list/,
    ],
  ])('fails with a message naming the file when it %s', (_what, content, message) => {
    const result = workspace.withFile('payments', RULES, content, () => workspace.template('payments'));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(message);
  });
});
