// Every YAML file under deploy/ parses (all documents), so a stray tab or a bad indent fails here
// rather than in Argo CD, Grafana or Alertmanager at deploy time.
import { listFiles, loadYamlDocuments } from './lib/repo';

const files = listFiles('deploy', /\.ya?ml$/);

describe('YAML under deploy/', () => {
  it('covers the Argo CD, values, Grafana and Alertmanager trees', () => {
    for (const dir of ['deploy/argocd/', 'deploy/values/', 'deploy/grafana/', 'deploy/alertmanager/', 'deploy/local/alertmanager.yml']) {
      expect(files.some((f) => f.startsWith(dir))).toBe(true);
    }
  });

  it.each(files)('%s parses', (file) => {
    const docs = loadYamlDocuments(file);
    expect(docs.length).toBeGreaterThan(0);
  });
});
