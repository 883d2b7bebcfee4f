// Readiness: false while starting, true once the listeners are up and every registered check
// passes, false again from the moment shutdown begins (so load balancers stop sending traffic).
import { Injectable } from '@nestjs/common';

export type ReadinessCheck = () => Promise<boolean>;

export interface ReadinessReport {
  readonly ready: boolean;
  readonly status: 'starting' | 'ready' | 'not_ready' | 'shutting_down';
  readonly checks: Record<string, boolean>;
}

/** A check that neither answers nor fails within this time counts as failed. */
const CHECK_TIMEOUT_MS = 2_000;

async function runCheck(check: ReadinessCheck): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

@Injectable()
export class ReadinessService {
  private started = false;
  private shuttingDown = false;
  private readonly checks = new Map<string, ReadinessCheck>();

  registerCheck(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  /** Called by bootstrapService once HTTP (and gRPC) listen. */
  markStarted(): void {
    this.started = true;
  }

  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  async isReady(): Promise<boolean> {
    return (await this.report()).ready;
  }

  async report(): Promise<ReadinessReport> {
    if (this.shuttingDown) return { ready: false, status: 'shutting_down', checks: {} };
    if (!this.started) return { ready: false, status: 'starting', checks: {} };
    const names = [...this.checks.keys()];
    const results = await Promise.all([...this.checks.values()].map(runCheck));
    const checks = Object.fromEntries(names.map((name, i) => [name, results[i]]));
    const ready = results.every(Boolean);
    return { ready, status: ready ? 'ready' : 'not_ready', checks };
  }
}
