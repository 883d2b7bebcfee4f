// The committed JSON is what Grafana loads, so it must be exactly what the TypeScript renders: this
// fails after a dashboard change until `nx run dashboards:generate` has been run and committed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderDashboards } from './index';
import { DASHBOARDS_OUTPUT_DIR } from './output-dir';

describe('generated dashboards', () => {
  const rendered = renderDashboards();

  it.each([...rendered.keys()])('%s is committed and up to date (run `nx run dashboards:generate`)', (file) => {
    const path = join(DASHBOARDS_OUTPUT_DIR, file);
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(rendered.get(file));
  });

  it('leaves no stale dashboard JSON behind', () => {
    const committed = readdirSync(DASHBOARDS_OUTPUT_DIR).filter((f) => f.endsWith('.json')).sort();
    expect(committed).toEqual([...rendered.keys()].sort());
  });

  it('gives every dashboard a unique uid and every panel a unique id', () => {
    const dashboards = [...rendered.values()].map((json) => JSON.parse(json) as { uid: string; panels: Array<{ id: number; panels?: Array<{ id: number }> }> });
    const uids = dashboards.map((d) => d.uid);
    expect(new Set(uids).size).toBe(uids.length);
    for (const d of dashboards) {
      const ids = d.panels.flatMap((p) => [p.id, ...(p.panels ?? []).map((inner) => inner.id)]);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('queries only the provisioned datasource uids', () => {
    const provisioned = readFileSync(join(DASHBOARDS_OUTPUT_DIR, '..', 'provisioning', 'datasources', 'datasources.yaml'), 'utf8');
    const uids = [...rendered.values()].flatMap((json) => [...json.matchAll(/"uid": "([^"]+)"/g)].map((m) => m[1]));
    const datasourceUids = new Set(uids.filter((u) => !u.startsWith('obs-')));
    for (const uid of datasourceUids) expect(provisioned).toContain(`uid: ${uid}`);
  });
});
