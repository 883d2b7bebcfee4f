// Part 3: the load generator's own ceiling. Offered vs achieved rate and scheduler lag against a
// trivial local HTTP server, then autocannon's maximum on the same target for comparison.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@obs/testing';
import { CpuProfile, summariseProfile, tailWindow } from '../lib/cpu-profile';
import { runLoadgenCli } from '../lib/loadgen-cli';
import { steadyAchieved } from '../lib/loadgen-progress';
import { cleanEnv, startChild } from '../lib/procs';
import type { LoadgenResult, LoadgenRun } from '../lib/types';

export const AUTOCANNON_CLI = 'node node_modules/autocannon/autocannon.js';

interface AutocannonJson {
  '2xx': number;
  duration: number;
  latency: { p99: number };
}

function autocannonCli(url: string, connections: number, seconds: number): Promise<AutocannonJson> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/autocannon/autocannon.js', '-c', String(connections), '-d', String(seconds), '--json', url], {
      env: cleanEnv() as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.once('error', reject);
    child.once('exit', () => {
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as AutocannonJson);
      } catch (error) {
        reject(new Error(`autocannon failed: ${String(error)}`));
      }
    });
  });
}

async function readLoadgenProfile(dir: string, offeredRps: number, steadySeconds: number): Promise<LoadgenResult['profile']> {
  const file = (await readdir(dir)).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return undefined;
  const profile = JSON.parse(await readFile(join(dir, file), 'utf8')) as CpuProfile;
  const summary = summariseProfile(profile, undefined, tailWindow(profile, steadySeconds));
  if (summary.busyUs === 0) return undefined;
  const share = (us: number) => us / summary.busyUs;
  return {
    offeredRps,
    busyMs: summary.busyUs / 1000,
    areas: summary.areas.slice(0, 8).map((a) => ({ area: a.area, share: share(a.selfUs) })),
    functions: summary.functions.slice(0, 10).map((f) => ({ name: f.name, location: f.location.replace(`${process.cwd()}/`, '') || f.area, share: share(f.selfUs) })),
  };
}

export async function runLoadgenCeiling(options: {
  rates: number[];
  seconds: number;
  warmupSeconds: number;
  autocannonConnections: number;
  log: (l: string) => void;
}): Promise<LoadgenResult> {
  const port = await freePort();
  const target = await startChild({
    name: 'trivial-target',
    args: ['-r', '@swc-node/register', 'tools/bench/src/children/trivial-target.ts'],
    env: { ...cleanEnv(), SWC_NODE_PROJECT: 'tsconfig.base.json', PORT: String(port) },
  });
  const url = `http://127.0.0.1:${port}/`;
  const profileDir = await mkdtemp(join(tmpdir(), 'obs-bench-loadgen-'));
  try {
    const runs: LoadgenRun[] = [];
    const top = Math.max(...options.rates);
    let profile: LoadgenResult['profile'];
    for (const rate of options.rates) {
      // The highest rate runs under --cpu-prof: where the generator's own CPU goes when it saturates.
      const nodeArgs = rate === top ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
      const s = await runLoadgenCli(['--rps', String(rate), '--duration', `${options.seconds}s`, '--target', url], nodeArgs);
      if (rate === top) profile = await readLoadgenProfile(profileDir, rate, options.seconds - options.warmupSeconds);
      const run: LoadgenRun = {
        offeredRps: rate,
        achievedRps: s.achievedRps,
        steadyRps: steadyAchieved(s.progress, options.warmupSeconds),
        completed: s.completed,
        dropped: Object.values(s.dropped).reduce((a, b) => a + b, 0),
        errors: s.errors.total,
        lagP99Ms: s.scheduleLagMs.p99,
        latencyP99Ms: s.latencyMs.p99,
      };
      runs.push(run);
      options.log(`loadgen ${rate}/s: achieved ${run.achievedRps.toFixed(0)}/s (steady ${run.steadyRps?.toFixed(0) ?? 'n/a'}/s), lag p99 ${run.lagP99Ms} ms, dropped ${run.dropped}`);
    }
    const ac = await autocannonCli(url, options.autocannonConnections, options.seconds);
    const autocannon = { connections: options.autocannonConnections, rps: ac['2xx'] / ac.duration, p99Ms: ac.latency.p99 };
    options.log(`autocannon -c ${autocannon.connections}: ${autocannon.rps.toFixed(0)}/s`);
    const best = Math.max(...runs.map((r) => Math.max(r.achievedRps, r.steadyRps ?? 0)));
    return { seconds: options.seconds, warmupSeconds: options.warmupSeconds, runs, loadgenMaxRps: best, autocannon, profile };
  } finally {
    await target.stop();
    await rm(profileDir, { recursive: true, force: true });
  }
}
