// Resource attributes: service.name/version, deployment.environment.name, plus host and process
// from the SDK's detectors. The preload runs before the app, so it learns the service name from
// OTEL_SERVICE_NAME or from the package.json the build writes next to main.js.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ServiceIdentity {
  readonly name: string;
  readonly version?: string;
}

function packageJsonNextTo(script: string | undefined): { name?: string; version?: string } | undefined {
  if (!script) return undefined;
  const file = join(dirname(script), 'package.json');
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
  } catch {
    return undefined;
  }
}

export function serviceIdentity(
  env: NodeJS.ProcessEnv = process.env,
  mainScript = process.argv[1],
): ServiceIdentity {
  const pkg = packageJsonNextTo(mainScript);
  return {
    name: env['OTEL_SERVICE_NAME'] || pkg?.name || 'unknown_service:node',
    version: env['SERVICE_VERSION'] || pkg?.version,
  };
}
