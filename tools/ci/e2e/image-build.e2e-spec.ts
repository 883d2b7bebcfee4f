// The container image's build and start, rehearsed where Docker cannot run: the app's Nx build output
// (this target depends on `nx build loadgen`), the Dockerfile's own deps script installing the
// production dependencies from the pruned lockfile into a temp dir, then the image's CMD with plain
// node from there, as the image's numeric user when this runs as root, until /readyz answers.
import { freePort, ManagedProcess, startProcess, waitFor, waitForHttp } from '@obs/testing';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join, relative } from 'node:path';
import { readDockerfile } from '../src/docker/dockerfile';
import { RehearsedImage, rehearseImage } from '../src/docker/rehearse';

const APP = 'loadgen';

/** Every file under dir with its size and modification time: any write by the app changes it. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const st = statSync(path);
        out[relative(dir, path)] = `${st.size}:${st.mtimeMs}`;
      }
    }
  };
  walk(dir);
  return out;
}

describe(`the ${APP} image, rehearsed without Docker`, () => {
  let image: RehearsedImage;
  let server: ManagedProcess | undefined;
  let base: string;
  let before: Record<string, string>;
  const asRoot = process.getuid?.() === 0;

  beforeAll(async () => {
    image = rehearseImage(readDockerfile(), APP);
    before = snapshot(image.workdir);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = startProcess(process.execPath, [...image.args], {
      cwd: image.workdir,
      // The image's ENV plus what the chart sets; nothing from this workspace leaks in.
      env: {
        ...image.env,
        PORT: String(port),
        LOADGEN_START_PAUSED: 'true',
        HOME: '/nonexistent',
        TZ: 'UTC',
      },
      // Only root may switch users; as root, the app runs as the image's uid and cannot write
      // to its own files, as under readOnlyRootFilesystem.
      ...(asRoot ? { uid: image.uid, gid: image.gid } : {}),
    });
    await waitForHttp(`${base}/readyz`, { timeoutMs: 60_000 });
  }, 600_000);

  afterAll(async () => {
    await server?.stop();
    if (image) rmSync(image.root, { recursive: true, force: true });
  });

  it('has only production dependencies, resolved inside the image directory', () => {
    const installed = readdirSync(join(image.workdir, 'node_modules'));
    expect(installed).toEqual(
      expect.arrayContaining(['@nestjs', '@opentelemetry', 'fastify', 'prom-client']),
    );
    for (const devOnly of ['nx', '@nx', 'jest', 'typescript', 'webpack', 'eslint']) {
      expect(installed).not.toContain(devOnly);
    }
    const leftovers = Object.keys(snapshot(join(image.workdir, 'node_modules'))).filter((f) =>
      /\.(map|d\.[mc]?ts)$/.test(f),
    );
    expect(leftovers).toEqual([]);
  });

  it('answers liveness, readiness and metrics', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('loadgen_offered_rps');
    expect(metrics).toContain('nodejs_eventloop_lag');
  });

  it('listens on every interface, as a pod IP needs, not only on loopback', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i?.family === 'IPv4' && !i.internal);
    expect(external).toBeDefined();
    const port = new URL(base).port;
    expect((await fetch(`http://${external?.address}:${port}/readyz`)).status).toBe(200);
  });

  it('traces requests through the preloaded OpenTelemetry SDK', async () => {
    const res = await fetch(`${base}/api/config`);
    expect(res.status).toBe(200);
    // Without the --require preload the API hands out no-op spans, whose ids are all zeros.
    const traceId = await waitFor(
      async () => {
        const line = server
          ?.output()
          .split('\n')
          .find((l) => l.includes('"url":"/api/config"') && l.includes('trace_id'));
        return line ? /"trace_id":"([0-9a-f]{32})"/.exec(line)?.[1] : undefined;
      },
      { timeoutMs: 10_000, what: 'the request log line with its trace_id' },
    );
    expect(traceId).not.toBe('0'.repeat(32));
  });

  it('runs as the image user (when started by root, the only user allowed to switch)', () => {
    const status = readFileSync(`/proc/${server?.child.pid}/status`, 'utf8');
    const [real, effective] = /^Uid:\s+(\d+)\s+(\d+)/m.exec(status)?.slice(1).map(Number) ?? [];
    const expected = asRoot ? image.uid : process.getuid?.();
    expect([real, effective]).toEqual([expected, expected]);
  });

  it('writes nothing to its own files and stops cleanly on SIGTERM', async () => {
    const code = await server?.stop('SIGTERM', 15_000);
    server = undefined;
    expect(code).toBe(0);
    expect(snapshot(image.workdir)).toEqual(before);
  });
});
