// Where the overhead goes: orders started as variants (a), (b) and (c) under `node --cpu-prof`, all
// at once; the load visits them in turns over several rounds (order alternating), so
// the host's noise hits each alike. Only samples inside a variant's own load windows count
// (process.hrtime and V8's profile clock are both CLOCK_MONOTONIC). Self time per area and per
// function divided by the requests served gives what each layer costs per request; the bundle's
// source map turns our functions into libs/…/file.ts:line.
import { readdir, readFile } from 'node:fs/promises';
import { SourceMap } from 'node:module';
import { join, resolve } from 'node:path';
import { runAutocannon } from '../lib/client';
import { CpuProfile, perRequestCosts, SourceResolver, summariseProfile, Window } from '../lib/cpu-profile';
import type { ProfileResult } from '../lib/types';
import { orderVariants, RunningApp, Stack, startApp } from './stack';

export async function bundleResolver(bundle: string): Promise<SourceResolver> {
  const map = new SourceMap(JSON.parse(await readFile(`${bundle}.map`, 'utf8')));
  const url = `file://${resolve(bundle)}`;
  return (frameUrl, line, column) => {
    if (frameUrl !== url) return undefined;
    const entry = map.findEntry(line, column) as { originalSource?: string; originalLine?: number };
    if (!entry.originalSource) return undefined;
    return { source: entry.originalSource.replace(/^webpack:\/\/[^/]*\/(\.\/)?/, ''), line: entry.originalLine ?? 0 };
  };
}

const micros = () => Number(process.hrtime.bigint() / 1000n);

interface Profiled {
  id: string;
  label: string;
  app: RunningApp;
  dir: string;
  requests: number;
  windows: Window[];
}

export async function profileVariants(
  stack: Stack,
  workDir: string,
  orderId: string,
  options: { ids: string[]; connections: number; seconds: number; rounds: number },
): Promise<ProfileResult> {
  const resolver = await bundleResolver('dist/apps/orders/main.js');
  const profiled: Profiled[] = [];
  try {
    for (const id of options.ids) {
      const variant = orderVariants(stack.otlpEndpoint).find((v) => v.id === id);
      if (!variant) throw new Error(`unknown variant ${id}`);
      const dir = join(workDir, `cpu-profile-${id}`);
      const env = { ...variant.env, DATABASE_URL: stack.pg.urlFor('orders'), USERS_GRPC_URL: `127.0.0.1:${stack.users.grpcPort}`, PAYMENTS_GRPC_URL: `127.0.0.1:${stack.payments.grpcPort}` };
      const app = await startApp('orders', workDir, env, { preload: variant.preload, logs: variant.logs, tag: `${id}-profiled`, nodeOptions: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
      profiled.push({ id, label: variant.label, app, dir, requests: 0, windows: [] });
      await runAutocannon(`${app.url}/api/orders/${orderId}`, options.connections, 1);
    }
    for (let round = 0; round < options.rounds; round++) {
      for (const p of round % 2 === 0 ? profiled : [...profiled].reverse()) {
        const fromUs = micros();
        for (const path of [`/api/orders/${orderId}`, '/api/orders']) {
          const run = await runAutocannon(`${p.app.url}${path}`, options.connections, options.seconds);
          p.requests += Math.round(run.rps * options.seconds);
        }
        p.windows.push({ fromUs, toUs: micros() });
      }
    }
  } finally {
    // The profiles are written when the processes exit.
    for (const p of profiled) await p.app.child.stop();
  }
  const measured = [];
  for (const p of profiled) {
    const file = (await readdir(p.dir)).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`orders (${p.id}) exited without writing its CPU profile`);
    const summary = summariseProfile(JSON.parse(await readFile(join(p.dir, file), 'utf8')) as CpuProfile, resolver, p.windows);
    if (summary.busyUs === 0) throw new Error('no CPU samples inside the load windows');
    measured.push({ ...p, summary });
  }
  return {
    seconds: options.seconds * options.rounds,
    connections: options.connections,
    variants: measured.map((m) => ({ id: m.id, label: m.label, requests: m.requests, busyUsPerRequest: m.summary.busyUs / m.requests })),
    areas: perRequestCosts(measured, 'area', 14),
    functions: perRequestCosts(measured, 'function', 14),
  };
}
