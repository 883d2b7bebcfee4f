// Writes the rendered dashboards into the Grafana provisioning tree and removes JSON files no
// dashboard produces any more. Run with `nx run dashboards:generate`.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderDashboards } from './index';
import { DASHBOARDS_OUTPUT_DIR } from './output-dir';

const rendered = renderDashboards();
for (const [file, json] of rendered) writeFileSync(join(DASHBOARDS_OUTPUT_DIR, file), json);
for (const file of readdirSync(DASHBOARDS_OUTPUT_DIR)) {
  if (file.endsWith('.json') && !rendered.has(file)) rmSync(join(DASHBOARDS_OUTPUT_DIR, file));
}
console.log(`wrote ${rendered.size} dashboards to ${DASHBOARDS_OUTPUT_DIR}`);
