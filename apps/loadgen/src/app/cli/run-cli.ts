// One CLI run: a flat (or diurnal) open-loop rate for a fixed duration, one progress line per second,
// then the summary. Bursts are off: benchmarks need a known offered rate.
import { Clock, systemClock } from '../clock/clock';
import { createRng } from '../clock/rng';
import { DEFAULT_RUNTIME_CONFIG, parseRuntimeConfig } from '../config/runtime-config';
import { LoadEngine } from '../engine/load-engine';
import { FixedPlanner, MixPlanner } from '../engine/planners';
import { ensureTracing } from '../http/ensure-tracing';
import { RunSummary } from '../stats/run-stats';
import { CliOptions } from './cli-args';
import { formatProgress, formatSummary } from './format';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Resolves when the user asks to stop early (SIGINT/SIGTERM). */
  interrupted: Promise<void>;
}

export async function runCli(
  options: CliOptions,
  io: CliIo,
  clock: Clock = systemClock,
): Promise<RunSummary> {
  ensureTracing();
  const config = parseRuntimeConfig({
    ...DEFAULT_RUNTIME_CONFIG,
    baseRps: options.rps,
    maxConcurrency: options.concurrency,
    timeoutMs: Math.max(1, Math.round(options.timeoutMs)),
    diurnal: { enabled: options.diurnal, dayMinutes: options.dayMinutes },
    burst: { ...DEFAULT_RUNTIME_CONFIG.burst, probability: 0 },
  });
  const { mode } = options;
  const progressOut = options.json ? io.err : io.out;
  const engine = new LoadEngine({
    config,
    clock,
    rng: createRng(options.seed),
    durationMs: options.durationMs,
    planner: (rng) =>
      mode.kind === 'single'
        ? new FixedPlanner({ target: mode.target, path: mode.path, method: mode.method, body: mode.body })
        : new MixPlanner(mode.origins, rng),
    onProgress: (report) => progressOut(formatProgress(report)),
  });
  const describe = mode.kind === 'single' ? `${mode.method} ${mode.target}${mode.path}` : 'the weighted mix';
  progressOut(
    `loadgen: ${options.rps} req/s for ${(options.durationMs / 1000).toFixed(1)}s against ${describe}`,
  );
  engine.start();
  await Promise.race([engine.scheduled, io.interrupted]);
  const summary = await engine.stop(options.timeoutMs);
  if (options.json) io.out(JSON.stringify(summary));
  else io.out(formatSummary(summary));
  return summary;
}
