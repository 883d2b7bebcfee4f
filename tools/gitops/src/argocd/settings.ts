// Reads deploy/values/gitops.yaml: the repository URL (the one place a fork changes) and each
// environment's revision and destination.
import { loadYaml } from '../lib/repo';

export const ENVIRONMENTS = ['dev', 'prod'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export interface EnvironmentSettings {
  readonly targetRevision: string;
  readonly destinationServer: string;
}

export interface GitopsSettings {
  readonly repoURL: string;
  readonly environments: Record<Environment, EnvironmentSettings>;
}

export const SETTINGS_FILE = 'deploy/values/gitops.yaml';

export function loadSettings(): GitopsSettings {
  const raw = loadYaml<Partial<GitopsSettings>>(SETTINGS_FILE);
  if (typeof raw?.repoURL !== 'string' || !raw.repoURL) throw new Error(`${SETTINGS_FILE}: repoURL is required`);
  for (const env of ENVIRONMENTS) {
    const settings = raw.environments?.[env];
    if (!settings?.targetRevision || !settings.destinationServer) {
      throw new Error(`${SETTINGS_FILE}: environments.${env} needs targetRevision and destinationServer`);
    }
  }
  return raw as GitopsSettings;
}
