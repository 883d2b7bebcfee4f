// deploy/local/compose.yaml (Grafana LGTM for people with Docker) stays in step with the rest of
// deploy/: it pins its images, mounts only files that exist, and runs the very Prometheus and
// Alertmanager configs of `npm run observe` (host networking), so the two ways cannot drift.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { localDeployDir } from './monitoring-configs';

interface ComposeService {
  image: string;
  network_mode?: string;
  volumes?: string[];
}

const compose = parse(readFileSync(resolve(localDeployDir, 'compose.yaml'), 'utf8')) as { services: Record<string, ComposeService> };
const binds = (service: ComposeService) =>
  (service.volumes ?? []).filter((v) => v.startsWith('.')).map((v) => ({ source: v.split(':')[0], target: v.split(':')[1] }));

describe('deploy/local/compose.yaml', () => {
  it('pins every image to a version', () => {
    for (const { image } of Object.values(compose.services)) expect(image).toMatch(/:[0-9v][^:]*$/);
  });

  it('mounts only files and folders that exist', () => {
    const sources = Object.values(compose.services).flatMap((s) => binds(s).map((b) => b.source));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect({ source, exists: existsSync(resolve(localDeployDir, source)) }).toEqual({ source, exists: true });
  });

  it("gives the LGTM image's Prometheus the local config with its rules beside it", () => {
    const mounts = binds(compose.services['lgtm']);
    expect(mounts).toContainEqual({ source: './prometheus.yml', target: '/otel-lgtm/prometheus.yaml' });
    const ruleGlobs = (parse(readFileSync(resolve(localDeployDir, 'prometheus.yml'), 'utf8')) as { rule_files: string[] }).rule_files;
    for (const glob of ruleGlobs) {
      const dir = glob.split('/')[0];
      expect(mounts).toContainEqual({ source: `./${dir}`, target: `/otel-lgtm/${dir}` });
    }
  });

  it('runs Alertmanager with the local routing tree, on the network the config addresses', () => {
    expect(binds(compose.services['alertmanager'])).toContainEqual({ source: './alertmanager.yml', target: '/etc/alertmanager/alertmanager.yml' });
    // deploy/local names everything by 127.0.0.1: only host networking makes those addresses right.
    for (const service of Object.values(compose.services)) expect(service.network_mode).toBe('host');
  });
});
