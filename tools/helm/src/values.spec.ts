// The charts' values agree with the contract and with each other, their schemas are the generated
// ones, and values.yaml stays readable: camelCase keys, each with a comment.
import { SERVICES } from '@obs/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, parseDocument, type YAMLMap } from 'yaml';
import { APP_CHARTS, HELM_DIR, LIBRARY_CHART, type AppChart } from './charts';
import { renderValuesSchema } from './values-schema';

interface Values {
  env: Record<string, string>;
  networkPolicy: { egressTo: { app: string; port: number }[]; restClients: string[]; grpcClients?: string[] };
}

const read = (chart: AppChart, file: string): string => readFileSync(join(chart.dir, file), 'utf8');
const valuesOf = (chart: AppChart): Values => parseDocument(read(chart, 'values.yaml')).toJS() as Values;
const chartNamed = (name: string): AppChart | undefined => APP_CHARTS.find((c) => c.name === name);

describe('charts and the service contract', () => {
  it('has one chart per service of @obs/contracts', () => {
    expect(APP_CHARTS.map((c) => c.name)).toEqual(Object.keys(SERVICES).sort());
  });

  it.each(APP_CHARTS.map((c) => [c.name, c] as const))('%s defaults to the contract ports', (name, chart) => {
    const contract: { httpPort: number; grpcPort?: number } = SERVICES[name as keyof typeof SERVICES];
    expect({ httpPort: chart.httpPort, grpcPort: chart.grpcPort }).toEqual({
      httpPort: contract.httpPort,
      grpcPort: contract.grpcPort,
    });
  });
});

describe.each(APP_CHARTS.map((c) => [c.name, c] as const))('%s values', (name, chart) => {
  it('has the generated values.schema.json (nx run helm-charts:sync-schemas)', () => {
    expect(read(chart, 'values.schema.json')).toBe(
      renderValuesSchema({ grpc: chart.grpcPort !== undefined }),
    );
  });

  it('depends on the library chart from this repository', () => {
    const chartYaml = parseDocument(read(chart, 'Chart.yaml')).toJS() as { dependencies: object[] };
    const library = parseDocument(
      readFileSync(join(HELM_DIR, LIBRARY_CHART, 'Chart.yaml'), 'utf8'),
    ).toJS() as {
      version: string;
      type: string;
    };
    expect(library.type).toBe('library');
    expect(chartYaml.dependencies).toEqual([
      { name: LIBRARY_CHART, version: library.version, repository: `file://../${LIBRARY_CHART}` },
    ]);
  });

  it('calls and admits only charts that exist, on ports they listen on', () => {
    const { networkPolicy } = valuesOf(chart);
    for (const { app, port } of networkPolicy.egressTo) {
      const target = chartNamed(app);
      expect({ app, exists: Boolean(target) }).toEqual({ app, exists: true });
      expect([target?.httpPort, target?.grpcPort]).toContain(port);
    }
    for (const client of [...networkPolicy.restClients, ...(networkPolicy.grpcClients ?? [])]) {
      expect(chartNamed(client)?.name).toBe(client);
    }
  });

  it('points its peer addresses (env) at charts that exist, on their ports', () => {
    const addresses = Object.entries(valuesOf(chart).env).filter(([key]) => /_URL$/.test(key));
    for (const [key, address] of addresses) {
      const match = /^(?:http:\/\/)?([a-z0-9-]+):(\d+)$/.exec(address);
      const target = match ? chartNamed(match[1] ?? '') : undefined;
      const ports = address.startsWith('http://') ? [target?.httpPort] : [target?.grpcPort];
      expect({ key, port: ports.includes(Number(match?.[2])) }).toEqual({ key, port: true });
    }
    // Every peer the NetworkPolicy lets it call has an address it can call.
    const peers = valuesOf(chart).networkPolicy.egressTo.map((e) => e.app);
    for (const peer of peers)
      expect(addresses.some(([, address]) => address.includes(`${peer}:`))).toBe(true);
  });

  it('documents every setting with a comment and names it in camelCase', () => {
    const doc = parseDocument(read(chart, 'values.yaml'));
    const undocumented: string[] = [];
    const badNames: string[] = [];
    const walk = (map: YAMLMap, path: string): void => {
      map.items.forEach((pair, index) => {
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        const comment = pair.key && isScalar(pair.key) ? pair.key.commentBefore : undefined;
        const documented = Boolean(comment) || (index === 0 && Boolean(map.commentBefore));
        if (!documented) undocumented.push(`${path}${key}`);
        if (!/^[a-z][a-zA-Z0-9]*$/.test(key)) badNames.push(`${path}${key}`);
        // Inside these maps the keys are user data (env names, labels) or Kubernetes' own fields.
        const opaque = /(^env|Labels|^labels|Annotations|^annotations|^nodeSelector|^requests|^limits)$/.test(
          key,
        );
        if (isMap(pair.value) && !opaque) walk(pair.value, `${path}${key}.`);
      });
    };
    if (!isMap(doc.contents)) throw new Error(`${name}/values.yaml is not a map`);
    walk(doc.contents, '');
    expect({ undocumented, badNames }).toEqual({ undocumented: [], badNames: [] });
  });
});
