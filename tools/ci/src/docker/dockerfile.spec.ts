// The image definition keeps its promises: Node 24, a pruned production install, a numeric non-root
// user matching the charts, nothing to write at run time, the tracing preload, OCI labels, and a
// build context without secrets or local artefacts. (Docker cannot run here; the e2e suite runs the
// deps and runtime commands themselves.)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import {
  all,
  copiesFrom,
  execForm,
  Instruction,
  keyValues,
  readDockerfile,
  runScript,
  Stage,
  stage,
  WORKSPACE_ROOT,
} from './dockerfile';
import { isIgnored, readDockerignore } from './dockerignore';

const dockerfile = readDockerfile();
const build = stage(dockerfile, 'build');
const deps = stage(dockerfile, 'deps');
const runtime = stage(dockerfile, 'runtime');

function only(s: Stage, keyword: string): Instruction {
  const found = all(s, keyword);
  if (found.length !== 1)
    throw new Error(`expected one ${keyword} in stage ${s.name}, found ${found.length}`);
  return found[0] as Instruction;
}

function projectJsonFiles(dir: string, depth = 0): string[] {
  if (depth > 3) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !['node_modules', 'dist', '.nx', 'files'].includes(entry.name)) {
      return projectJsonFiles(path, depth + 1);
    }
    return entry.name === 'project.json' ? [relative(WORKSPACE_ROOT, path)] : [];
  });
}

describe('Dockerfile', () => {
  it('builds in three stages and ships the last one', () => {
    expect(dockerfile.stages.map((s) => s.name)).toEqual(['build', 'deps', 'runtime']);
  });

  it('uses Node 24 images of one Debian release, pinned to a version line rather than latest', () => {
    const [buildImage, depsImage, runtimeImage] = dockerfile.stages.map((s) => s.image);
    expect(buildImage).toMatch(/^node:24-[a-z]+-slim$/);
    expect(depsImage).toBe(buildImage);
    expect(runtimeImage).toMatch(/^gcr\.io\/distroless\/nodejs24-debian\d+$/);
    // Native packages installed in deps must match the runtime's glibc.
    const debian = { bookworm: '12', trixie: '13' }[/node:24-(\w+)-slim/.exec(buildImage ?? '')?.[1] ?? ''];
    expect(runtimeImage?.endsWith(`debian${debian}`)).toBe(true);
    expect(keyValues(runtime, 'LABEL')['org.opencontainers.image.base.name']).toBe(runtimeImage);
  });

  it('installs the workspace from the lockfile before copying sources, then runs the Nx build of $APP', () => {
    const order =
      build.instructions.map((i) => `${i.keyword} ${i.keyword === 'RUN' ? runScript(i) : i.args}`) ?? [];
    const install = order.findIndex((i) => i.startsWith('RUN npm ci'));
    expect(order.indexOf('COPY package.json package-lock.json ./')).toBeLessThan(install);
    expect(install).toBeLessThan(order.indexOf('COPY . .'));
    expect(order).toContain('ARG APP');
    expect(order.some((i) => i.startsWith('RUN npx nx build "$APP"'))).toBe(true);
    expect(build.platform).toBe('$BUILDPLATFORM');
  });

  it('installs only the production dependencies the build pinned for the app, without install scripts', () => {
    expect(copiesFrom(deps, 'build')).toEqual([
      {
        sources: [
          '/workspace/dist/apps/${APP}/package.json',
          '/workspace/dist/apps/${APP}/package-lock.json',
        ],
        destination: './',
      },
    ]);
    const install = runScript(only(deps, 'RUN'));
    expect(install).toContain('npm ci --omit=dev --ignore-scripts');
    expect(install).toContain('--cpu="$cpu"');
  });

  it('runs the app with the tracing preload as a numeric non-root user the charts also use', () => {
    expect(all(runtime, 'RUN')).toEqual([]);
    expect(execForm(only(runtime, 'CMD'))).toEqual(['--require', './instrumentation.js', 'main.js']);
    expect(keyValues(runtime, 'ENV')).toEqual({ NODE_ENV: 'production' });

    const [uid, gid] = only(runtime, 'USER').args.split(':').map(Number);
    expect(uid).toBeGreaterThan(0);
    expect(gid).toBe(uid);
    const chartValues = readdirSync(join(WORKSPACE_ROOT, 'helm'))
      .map((chart) => join(WORKSPACE_ROOT, 'helm', chart, 'values.yaml'))
      .filter((file) => existsSync(file));
    const chartUsers = chartValues.map(
      (file) => (parse(readFileSync(file, 'utf8')) as { runAsUser?: number }).runAsUser,
    );
    expect(chartUsers.length).toBeGreaterThan(0);
    expect(new Set(chartUsers)).toEqual(new Set([uid]));

    expect(copiesFrom(runtime, 'deps')).toEqual([
      { sources: ['/app/node_modules'], destination: './node_modules' },
    ]);
    expect(copiesFrom(runtime, 'build')).toEqual([
      { sources: ['/workspace/dist/apps/${APP}/'], destination: './' },
    ]);
  });

  it('labels the image with the OCI annotations', () => {
    const labels = keyValues(runtime, 'LABEL');
    for (const key of [
      'title',
      'description',
      'version',
      'revision',
      'created',
      'source',
      'licenses',
      'base.name',
    ]) {
      expect(labels[`org.opencontainers.image.${key}`]).toBeTruthy();
    }
    expect(labels['org.opencontainers.image.licenses']).toBe(
      (JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'package.json'), 'utf8')) as { license: string }).license,
    );
  });
});

describe('.dockerignore', () => {
  const rules = readDockerignore(join(WORKSPACE_ROOT, '.dockerignore'));

  it.each([
    'node_modules/nx/package.json',
    'apps/orders/node_modules/x/index.js',
    'dist/apps/orders/main.js',
    '.git/HEAD',
    '.env',
    '.env.production',
    '.nx/cache/x',
    '.data/pg/PG_VERSION',
    '.tools/bin/helm',
    'npm-debug.log',
  ])('leaves %s out of the build context', (path) => {
    expect(isIgnored(rules, path)).toBe(true);
  });

  it.each([
    'package.json',
    'package-lock.json',
    'nx.json',
    'tsconfig.base.json',
    'jest.preset.js',
    'eslint.config.mjs',
    '.env.example',
    'tools/build/nest-app.webpack.js',
    'apps/orders/src/main.ts',
    'libs/contracts/proto/users.proto',
    'libs/observability/src/instrumentation.ts',
  ])('keeps %s, which the build reads', (path) => {
    expect(isIgnored(rules, path)).toBe(false);
  });

  it('keeps every project.json, so the Nx project graph inside the image is the workspace graph', () => {
    const projects = ['apps', 'libs', 'tools', 'deploy'].flatMap((d) =>
      projectJsonFiles(join(WORKSPACE_ROOT, d)),
    );
    expect(projects.length).toBeGreaterThan(5);
    expect(projects.filter((p) => isIgnored(rules, p))).toEqual([]);
  });
});
