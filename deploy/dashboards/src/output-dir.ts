import { join } from 'node:path';

/** deploy/grafana/dashboards: the one dashboards folder the local Grafana and the cluster both load. */
export const DASHBOARDS_OUTPUT_DIR = join(__dirname, '..', '..', 'grafana', 'dashboards');
