// The load generator CLI's per-second progress lines (stderr with --json), e.g.
// "[   3s] offered 2000.0/s achieved 2021.9/s done 2463 …", reduced to a steady-state achieved rate:
// the CLI has no warm-up, and its first seconds (JIT, opening up to --concurrency connections) would
// otherwise dominate a short run.
import { median } from './stats';

export interface ProgressSecond {
  second: number;
  offered: number;
  achieved: number;
}

const PROGRESS = /^\[\s*(\d+)s\]\s+offered\s+([\d.]+)\/s\s+achieved\s+([\d.]+)\/s/;

export function parseProgress(text: string): ProgressSecond[] {
  const out: ProgressSecond[] = [];
  for (const line of text.split('\n')) {
    const match = PROGRESS.exec(line.trim());
    if (match) out.push({ second: Number(match[1]), offered: Number(match[2]), achieved: Number(match[3]) });
  }
  return out;
}

/** Median achieved rate over the seconds after `warmupSeconds`; undefined when none are left. */
export function steadyAchieved(progress: readonly ProgressSecond[], warmupSeconds: number): number | undefined {
  return median(progress.filter((p) => p.second > warmupSeconds).map((p) => p.achieved));
}
