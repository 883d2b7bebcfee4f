// A second opinion from Prometheus's own parser: every PromQL query of the dashboards and datasource
// correlations (Grafana variables filled in) goes into a throwaway rule file for `promtool check
// rules`, which rejects anything Prometheus itself would not run.
import { describeWithBinaries, PROMTOOL } from '@obs/testing';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { substituteGrafanaVariables } from './lib/query-languages';
import { dashboardQueries, datasourceQueries } from './lib/queries';

describeWithBinaries([PROMTOOL], 'promtool', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'promtool-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function checkRules(exprs: string[]): { status: number | null; output: string } {
    const file = join(dir, `rules-${exprs.length}.yml`);
    const rules = exprs.map((expr, i) => ({ record: `dashboard_query_${i}`, expr: substituteGrafanaVariables(expr) }));
    writeFileSync(file, stringify({ groups: [{ name: 'dashboards', rules }] }));
    const run = spawnSync(PROMTOOL.binary, ['check', 'rules', file], { encoding: 'utf8', timeout: 30_000 });
    return { status: run.status, output: run.stdout + run.stderr };
  }

  it('accepts every PromQL query of the dashboards and datasources', () => {
    const exprs = [...dashboardQueries(), ...datasourceQueries()].filter((q) => q.language === 'promql').map((q) => q.expr);
    expect(exprs.length).toBeGreaterThan(40);
    const run = checkRules(exprs);
    expect(run.output).toContain('SUCCESS');
    expect(run.status).toBe(0);
  });

  it('would reject a broken one', () => {
    expect(checkRules(['sum(rate(up[5m])']).status).not.toBe(0);
  });
});
