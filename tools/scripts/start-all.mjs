// `npm start`: builds and serves users, payments, orders and the load generator on their embedded
// defaults (ports of DESIGN.md, the shared local Postgres, FAULT_PROFILE=realistic), waits until
// every app is ready, prints where to look, and stops everything cleanly on Ctrl-C.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
// The workspace's own nx, run by this same Node (the pinned 24 that npm put first on PATH).
const nxBin = join(root, 'node_modules', '.bin', 'nx');
const STOP_GRACE_MS = 20_000;

const apps = {
  users: { http: 8083, grpc: 9083 },
  payments: { http: 8082, grpc: 9082 },
  orders: { http: 8081, grpc: 9081 },
  loadgen: { http: 8090 },
};

const children = new Set();
let stopping = false;

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}

/** nx in its own process group, so a stop reaches nx and every app it started. */
function nx(args) {
  const child = spawn(process.execPath, [nxBin, ...args, '--outputStyle=stream'], {
    cwd: root,
    stdio: 'inherit',
    detached: true,
    env: { ...process.env, FAULT_PROFILE: process.env.FAULT_PROFILE ?? 'realistic' },
  });
  children.add(child);
  child.exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    }),
  );
  return child;
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

async function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping the apps (they drain in-flight requests first)…');
  const running = [...children];
  for (const child of running) signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => {
    console.error(`Still running after ${STOP_GRACE_MS / 1000} s; killing.`);
    for (const child of running) signalGroup(child, 'SIGKILL');
  }, STOP_GRACE_MS);
  await Promise.all(running.map((child) => child.exited));
  clearTimeout(timer);
  console.log(
    'Stopped. The local Postgres keeps running for the next start (see libs/persistence/README.md to stop it).',
  );
  process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));

async function waitReady(name, port, child) {
  const url = `http://127.0.0.1:${port}/readyz`;
  const deadline = Date.now() + 180_000;
  let exited = false;
  child.exited.then(() => (exited = true));
  while (Date.now() < deadline && !exited && !stopping) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  if (stopping) return;
  console.error(`\n${name} did not become ready on ${url}${exited ? ' (its process exited)' : ''}; see its output above.`);
  await stop(1);
}

function printSummary() {
  const line = (label, url) => console.log(`  ${label.padEnd(22)} ${url}`);
  console.log('\nAll apps are ready.\n');
  for (const name of ['orders', 'payments', 'users']) {
    const base = `http://localhost:${apps[name].http}`;
    console.log(`${name} (gRPC on :${apps[name].grpc})`);
    line('API', `${base}/api/${name}`);
    line('OpenAPI docs', `${base}/docs`);
    line('metrics', `${base}/metrics`);
    line('fault profile', `${base}/admin/faults`);
  }
  const lg = `http://localhost:${apps.loadgen.http}`;
  console.log('loadgen');
  line('config (GET/PUT)', `${lg}/api/config`);
  line('burst / pause / resume', `POST ${lg}/api/burst | /api/pause | /api/resume`);
  line('OpenAPI docs', `${lg}/docs`);
  line('metrics', `${lg}/metrics`);
  console.log(
    '\nPrometheus and Alertmanager: `npm run observe` in another terminal (http://localhost:9090, :9093);' +
      '\nor Grafana LGTM with Docker: docker compose -f deploy/local/compose.yaml up (http://localhost:3000).' +
      '\nCtrl-C stops everything.\n',
  );
}

async function main() {
  const wanted = Object.entries(apps).flatMap(([name, p]) => [p.http, p.grpc].filter(Boolean).map((port) => ({ name, port })));
  const busy = [];
  for (const w of wanted) if (!(await portIsFree(w.port))) busy.push(w);
  if (busy.length > 0) {
    console.error(
      `Port${busy.length > 1 ? 's' : ''} already in use: ${busy.map((b) => `${b.port} (${b.name})`).join(', ')}.\n` +
        'Is `npm start` already running? Stop it, or run an app alone on other ports: PORT=… GRPC_PORT=… nx serve <app>.',
    );
    process.exit(1);
  }

  const build = nx(['run-many', '-t', 'build', '-p', 'users', 'payments', 'orders', 'loadgen']);
  if ((await build.exited) !== 0) {
    if (!stopping) console.error('\nThe build failed; nothing was started.');
    process.exit(1);
  }
  // users first: it launches the shared embedded Postgres once, so the others find it running
  // instead of racing for its start-up lock.
  const users = nx(['serve', 'users']);
  await waitReady('users', apps.users.http, users);
  const rest = nx(['run-many', '-t', 'serve', '-p', 'payments', 'orders', 'loadgen', '--parallel=4']);
  await Promise.all(['payments', 'orders', 'loadgen'].map((name) => waitReady(name, apps[name].http, rest)));
  if (stopping) return;
  printSummary();
  // An app that dies later takes the rest down with it, so the run never looks healthier than it is.
  for (const child of [users, rest]) {
    child.exited.then(() => {
      if (!stopping) {
        console.error('\nAn app exited; stopping the rest.');
        stop(1);
      }
    });
  }
}

main().catch((error) => {
  console.error(error);
  stop(1);
});
