// Part 4: resident memory idle and under load, and start-to-ready time, per app in its production
// shape (tracing preload, OTLP export, per-request logs to a file).
import { runAutocannon } from '../lib/client';
import { rssMiB, withPeakRss } from '../lib/procs';
import type { FootprintRow } from '../lib/types';
import { RunningApp, Stack, startApp } from './stack';

export async function idleRss(apps: Record<string, RunningApp>): Promise<Record<string, number | undefined>> {
  const out: Record<string, number | undefined> = {};
  for (const [name, app] of Object.entries(apps)) out[name] = await rssMiB(app.child.pid);
  return out;
}

export async function serviceUnderLoad(app: RunningApp, path: string, connections: number, seconds: number): Promise<number | undefined> {
  const { peakMiB } = await withPeakRss(app.child.pid, () => runAutocannon(`${app.url}${path}`, connections, seconds));
  return peakMiB;
}

/** loadgen in server mode: idle (paused) and while driving the weighted mix at `rps` against the stack. */
export async function loadgenFootprint(stack: Stack, workDir: string, rps: number, seconds: number): Promise<FootprintRow> {
  const orders = stack.orders.get('c') ?? [...stack.orders.values()][0];
  const app = await startApp(
    'loadgen',
    workDir,
    {
      OTEL_EXPORTER_OTLP_ENDPOINT: stack.otlpEndpoint,
      LOG_LEVEL: 'info',
      ORDERS_URL: orders.url,
      PAYMENTS_URL: stack.payments.url,
      USERS_URL: stack.users.url,
      LOADGEN_START_PAUSED: 'true',
      LOADGEN_RPS: String(rps),
      LOADGEN_DIURNAL: 'false',
      LOADGEN_BURST_PROBABILITY: '0',
    },
    { preload: 'dist/apps/loadgen/instrumentation.js', logs: true },
  );
  try {
    await new Promise((r) => setTimeout(r, 2_000));
    const idleMiB = await rssMiB(app.child.pid);
    const { peakMiB } = await withPeakRss(app.child.pid, async () => {
      await fetch(`${app.url}/api/resume`, { method: 'POST' });
      await new Promise((r) => setTimeout(r, seconds * 1000));
      await fetch(`${app.url}/api/pause`, { method: 'POST' });
    });
    return { app: 'loadgen', readyMs: app.child.readyMs, idleMiB, loadMiB: peakMiB, loadDescription: `weighted mix at ${rps} req/s for ${seconds} s` };
  } finally {
    await app.child.stop();
  }
}
