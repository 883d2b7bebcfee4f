// The app charts under helm/: every chart that depends on the library chart. Discovered rather than
// listed, so a chart added by the service generator is linted, rendered and schema-checked too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { WORKSPACE_ROOT } from './unpack-binaries';

export const HELM_DIR = join(WORKSPACE_ROOT, 'helm');
export const LIBRARY_CHART = 'service-lib';

export interface AppChart {
  readonly name: string;
  readonly dir: string;
  /** Default ports from the chart's values.yaml. */
  readonly httpPort: number;
  readonly grpcPort: number | undefined;
}

interface ChartYaml {
  name: string;
  type?: string;
  dependencies?: { name: string; repository?: string }[];
}

function readYaml<T>(file: string): T {
  return parse(readFileSync(file, 'utf8')) as T;
}

export function discoverAppCharts(helmDir: string = HELM_DIR): AppChart[] {
  return readdirSync(helmDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(helmDir, entry.name, 'Chart.yaml')))
    .map((entry) => join(helmDir, entry.name))
    .filter((dir) => {
      const chart = readYaml<ChartYaml>(join(dir, 'Chart.yaml'));
      return chart.type !== 'library' && (chart.dependencies ?? []).some((d) => d.name === LIBRARY_CHART);
    })
    .map((dir) => {
      const chart = readYaml<ChartYaml>(join(dir, 'Chart.yaml'));
      const values = readYaml<{ httpPort: number; grpcPort?: number }>(join(dir, 'values.yaml'));
      return { name: chart.name, dir, httpPort: values.httpPort, grpcPort: values.grpcPort };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const APP_CHARTS: readonly AppChart[] = discoverAppCharts();
