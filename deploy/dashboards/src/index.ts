// The platform's dashboards as code: each entry renders to deploy/grafana/dashboards/<file>, which
// `nx run dashboards:generate` writes and the spec checks is up to date.
import type { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { dependencies } from './dashboards/dependencies';
import { loadgen } from './dashboards/loadgen';
import { runtime } from './dashboards/runtime';
import { serviceOverview } from './dashboards/service-overview';
import { sloOverview } from './dashboards/slo-overview';
import { numberPanels } from './lib/panels';

export const DASHBOARDS: ReadonlyArray<{ readonly file: string; readonly build: () => DashboardBuilder }> = [
  { file: 'service-overview.json', build: serviceOverview },
  { file: 'dependencies.json', build: dependencies },
  { file: 'slo-overview.json', build: sloOverview },
  { file: 'loadgen.json', build: loadgen },
  { file: 'runtime.json', build: runtime },
];

/** File name → JSON text exactly as committed (stable key order from the builders, trailing newline). */
export function renderDashboards(): Map<string, string> {
  return new Map(DASHBOARDS.map(({ file, build }) => [file, `${JSON.stringify(numberPanels(build().build()), null, 2)}\n`]));
}
