// Replays the Dockerfile's deps and runtime stages on this machine, from the app's Nx build output:
// the deps stage's COPY and RUN (its very shell script), the runtime stage's COPYs, then hands back
// what the container would run (CMD, ENV, USER, WORKDIR) so a test can start it with plain node.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  all,
  copiesFrom,
  Dockerfile,
  execForm,
  keyValues,
  parseCopy,
  runScript,
  stage,
  WORKSPACE_ROOT,
} from './dockerfile';

export interface RehearsedImage {
  /** Stand-in for the image's root filesystem (remove it when done). */
  readonly root: string;
  /** The runtime stage's WORKDIR inside root. */
  readonly workdir: string;
  /** Arguments to node (the distroless entrypoint): the CMD. */
  readonly args: readonly string[];
  readonly env: Record<string, string>;
  readonly uid: number;
  readonly gid: number;
}

/** Maps a path of the build stage (/workspace/…) to this workspace, with ${APP} filled in. */
function buildStagePath(source: string, app: string): string {
  const path = source.replaceAll('${APP}', app);
  if (!path.startsWith('/workspace/')) throw new Error(`unexpected build-stage path ${source}`);
  return join(WORKSPACE_ROOT, path.slice('/workspace/'.length));
}

function workdirOf(dockerfile: Dockerfile, name: string): string {
  const dirs = all(stage(dockerfile, name), 'WORKDIR').map((i) => i.args);
  const dir = dirs[dirs.length - 1];
  if (!dir?.startsWith('/')) throw new Error(`stage ${name} needs an absolute WORKDIR`);
  return dir;
}

const TARGETARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64' };

export function rehearseImage(dockerfile: Dockerfile, app: string): RehearsedImage {
  if (!existsSync(join(WORKSPACE_ROOT, 'dist', 'apps', app, 'main.js'))) {
    throw new Error(
      `dist/apps/${app} is missing: run \`nx build ${app}\` first (the e2e target depends on it)`,
    );
  }
  const root = mkdtempSync(join(tmpdir(), `image-${app}-`));
  try {
    return layOut(dockerfile, app, root);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

function layOut(dockerfile: Dockerfile, app: string, root: string): RehearsedImage {
  // The runtime user must be able to traverse to its WORKDIR, as in the image.
  chmodSync(root, 0o755);

  // deps stage: COPY --from=build the pruned manifest and lockfile, then its RUN script verbatim.
  const deps = stage(dockerfile, 'deps');
  const depsDir = join(root, 'deps', workdirOf(dockerfile, 'deps'));
  mkdirSync(depsDir, { recursive: true });
  for (const { sources } of copiesFrom(deps, 'build')) {
    for (const source of sources) cpSync(buildStagePath(source, app), join(depsDir, basename(source)));
  }
  const targetArch = TARGETARCH[process.arch];
  if (!targetArch) throw new Error(`no Docker TARGETARCH for ${process.arch}`);
  for (const run of all(deps, 'RUN')) {
    execFileSync('sh', ['-ec', runScript(run)], {
      cwd: depsDir,
      // The machine's own registry, proxy and CA settings apply, and its npm cache stands in for
      // the BuildKit cache mount (prefer-offline: a cached tarball is not fetched again).
      env: { ...process.env, npm_config_prefer_offline: 'true', TARGETARCH: targetArch, APP: app },
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  }

  // runtime stage: its COPYs in order, from deps and from build.
  const runtime = stage(dockerfile, 'runtime');
  const workdir = join(root, workdirOf(dockerfile, 'runtime'));
  mkdirSync(workdir, { recursive: true });
  for (const { from, sources, destination } of all(runtime, 'COPY').map(parseCopy)) {
    for (const source of sources) {
      const origin =
        from === 'build'
          ? buildStagePath(source, app)
          : from !== undefined
            ? join(root, from, source)
            : join(WORKSPACE_ROOT, source);
      cpSync(origin, join(workdir, destination), { recursive: true });
    }
  }

  const [user = ''] = all(runtime, 'USER').map((u) => u.args);
  const [uid, gid] = user.split(':').map(Number);
  const cmd = all(runtime, 'CMD')[0];
  if (!cmd || uid === undefined || gid === undefined)
    throw new Error('the runtime stage needs CMD and USER uid:gid');
  return { root, workdir, args: execForm(cmd), env: keyValues(runtime, 'ENV'), uid, gid };
}
