// The GitOps steps of the image workflows, as one small CLI so the workflows stay declarative and the
// logic is tested here: which affected apps ship an image, writing new tags into deploy/values/<env>,
// and copying dev's tags to prod. Run with `node -r @swc-node/register tools/ci/src/gitops/cli.ts`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { promoteImages, setImage, validateAppName } from './image-values';

export interface CliPaths {
  /** Holds one chart per deployable app (helm/<app>/Chart.yaml). */
  readonly helmDir: string;
  /** deploy/values, one directory per environment. */
  readonly valuesDir: string;
}

/** The workflows run the CLI from the repository root (their checkout). */
export function pathsFrom(root: string): CliPaths {
  return { helmDir: join(root, 'helm'), valuesDir: join(root, 'deploy', 'values') };
}

/** The apps of the list that have a chart: only those get an image and a values entry. */
export function deployableApps(apps: readonly string[], helmDir: string): string[] {
  return apps.filter((app) => /^[a-z][a-z0-9-]*$/.test(app) && existsSync(join(helmDir, app, 'Chart.yaml')));
}

const USAGE = `usage:
  cli.ts deployable '<json array of app names>'   print the JSON array of those with a Helm chart
  cli.ts set-image --env <env> --registry <registry/owner> --tag <tag> <app>...
  cli.ts promote --from <env> --to <env> <app>...`;

function parseJsonArray(text: string | undefined): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text ?? '');
  } catch {
    throw new Error(`expected a JSON array of app names, got ${JSON.stringify(text)}`);
  }
  if (!Array.isArray(parsed) || !parsed.every((a) => typeof a === 'string')) {
    throw new Error('expected a JSON array of app names');
  }
  return parsed;
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new Error(`--${flag} is required`);
  return value;
}

/** Runs one command; returns what to print on stdout. Throws with a message for bad input. */
export function runCli(argv: readonly string[], paths: CliPaths = pathsFrom(process.cwd())): string {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      env: { type: 'string' },
      registry: { type: 'string' },
      tag: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
    },
  });
  switch (command) {
    case 'deployable':
      return JSON.stringify(deployableApps(parseJsonArray(positionals[0]), paths.helmDir));
    case 'set-image': {
      const env = required(values.env, 'env');
      const registry = required(values.registry, 'registry').toLowerCase().replace(/\/+$/, '');
      const tag = required(values.tag, 'tag');
      if (positionals.length === 0) throw new Error('name at least one app');
      const written = positionals.map((app) =>
        setImage(paths.valuesDir, env, app, { repository: `${registry}/${validateAppName(app)}`, tag }),
      );
      return written.join('\n');
    }
    case 'promote': {
      const from = required(values.from, 'from');
      const to = required(values.to, 'to');
      if (positionals.length === 0) throw new Error('name at least one app');
      const { promoted, missing } = promoteImages(paths.valuesDir, from, to, positionals);
      if (missing.length > 0) throw new Error(`no image pinned in ${from} for: ${missing.join(', ')}`);
      return Object.entries(promoted)
        .map(([app, image]) => `${app} ${image.repository}:${image.tag}`)
        .join('\n');
    }
    default:
      throw new Error(USAGE);
  }
}

if (require.main === module) {
  try {
    const out = runCli(process.argv.slice(2));
    if (out) process.stdout.write(`${out}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
}
