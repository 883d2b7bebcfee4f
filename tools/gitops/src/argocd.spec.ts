// The Argo CD tree: generated from deploy/values/gitops.yaml and up to date, valid against Argo CD's
// schema, pointing only at paths, charts and value files that exist, with pinned chart versions, and
// ordered by sync wave (namespaces and CRDs, then the stack, then the platform's services).
import { Application, ApplicationSet, AppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { renderArgocd, ARGOCD_DIR } from './argocd/render';
import { CHART_REPOS } from './argocd/stack';
import { ENVIRONMENTS, loadSettings, SETTINGS_FILE } from './argocd/settings';
import { allManifests, expandedSources, manifestNamed, wave } from './lib/manifests';
import { listFiles, repoPath } from './lib/repo';

const settings = loadSettings();

describe('Argo CD app of apps', () => {
  it('is generated from the settings and committed up to date (run `nx run gitops-checks:generate`)', () => {
    const rendered = renderArgocd(settings);
    for (const [path, content] of rendered) expect({ path, content: readFileSync(repoPath(path), 'utf8') }).toEqual({ path, content });
    const committed = ENVIRONMENTS.flatMap((env) => listFiles(`${ARGOCD_DIR}/${env}`, /\.ya?ml$/));
    expect(committed.sort()).toEqual([...rendered.keys()].sort());
  });

  it.each(allManifests().map((m) => [m.file, m.manifest]))('%s is valid against the Argo CD schema', (_file, manifest) => {
    const Model = { Application, ApplicationSet, AppProject }[manifest.kind as 'Application'];
    expect(Model).toBeDefined();
    expect(() => new Model(manifest as never).validate()).not.toThrow();
  });

  it('keeps the repository URL in one place: deploy/values/gitops.yaml', () => {
    const handWritten = listFiles('deploy', /\.(ya?ml|json|md)$/).filter((f) => !f.startsWith(`${ARGOCD_DIR}/dev/`) && !f.startsWith(`${ARGOCD_DIR}/prod/`));
    const mentioning = handWritten.filter((f) => readFileSync(repoPath(f), 'utf8').includes(settings.repoURL));
    expect(mentioning).toEqual([SETTINGS_FILE]);
  });

  it.each(ENVIRONMENTS)('%s: the root Application points at the directory holding its child Applications', (env) => {
    const path = manifestNamed(env, 'root').spec.source?.path ?? '';
    expect(path).toBe(`${ARGOCD_DIR}/${env}/apps`);
    expect(readdirSync(repoPath(path)).length).toBeGreaterThan(5);
  });

  it.each(allManifests().filter((m) => m.manifest.kind !== 'AppProject').map((m) => [m.file, m.manifest]))(
    '%s uses only existing paths, charts and value files, from pinned versions',
    (_file, manifest) => {
      const sources = expandedSources(manifest);
      expect(sources.length).toBeGreaterThan(0);
      const refs = new Set(sources.filter((s) => s.ref).map((s) => s.ref));
      for (const source of sources) {
        if (source.chart) {
          expect(Object.values(CHART_REPOS)).toContain(source.repoURL);
          expect(source.targetRevision).toMatch(/^\d+\.\d+\.\d+$/);
        } else {
          expect(source.repoURL).toBe(settings.repoURL);
        }
        if (source.path) {
          expect(existsSync(repoPath(source.path))).toBe(true);
          if (source.path.startsWith('helm/')) expect(existsSync(repoPath(source.path, 'Chart.yaml'))).toBe(true);
        }
        for (const file of source.helm?.valueFiles ?? []) {
          const [ref, ...rest] = file.split('/');
          expect(refs).toContain(ref.replace(/^\$/, ''));
          expect(existsSync(repoPath(...rest))).toBe(true);
        }
      }
    },
  );

  it.each(ENVIRONMENTS)('%s: syncs namespaces and CRDs first, then the stack, the collector, and the services last', (env) => {
    const waveOf = (name: string) => wave(manifestNamed(env, name));
    const order = [['namespaces', 'prometheus-operator-crds'], ['kube-prometheus-stack'], ['loki', 'tempo'], ['opentelemetry-collector'], ['platform-apps']];
    for (let i = 1; i < order.length; i++) {
      for (const later of order[i]) for (const earlier of order[i - 1]) expect(waveOf(later)).toBeGreaterThan(waveOf(earlier));
    }
    expect(waveOf('namespaces')).toBeLessThan(waveOf('prometheus-operator-crds'));
  });

  it.each(ENVIRONMENTS)('%s: kube-prometheus-stack and the CRDs sync server-side', (env) => {
    for (const name of ['kube-prometheus-stack', 'prometheus-operator-crds']) {
      expect(manifestNamed(env, name).spec.syncPolicy?.syncOptions).toContain('ServerSideApply=true');
    }
  });

  it('runs single-binary Tempo in dev and tempo-distributed in prod, from the grafana-community repository', () => {
    const chartOf = (env: 'dev' | 'prod') => manifestNamed(env, 'tempo').spec.sources?.[0];
    expect(chartOf('dev')).toMatchObject({ chart: 'tempo', repoURL: CHART_REPOS.grafanaCommunity });
    expect(chartOf('prod')).toMatchObject({ chart: 'tempo-distributed', repoURL: CHART_REPOS.grafanaCommunity });
  });
});
