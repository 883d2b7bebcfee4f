import { Test } from '@nestjs/testing';
import { ObservabilityModule } from '@obs/observability';
import { FaultService } from './fault-profiles';
import { FaultInjector, FaultOperation } from './fault-injector';
import { FaultsModule } from './faults.module';
import { InjectedFaultError } from './injected-fault.error';
import { seededRandom } from './random';

const read: FaultOperation = { kind: 'read', name: 'users.get' };
const write: FaultOperation = { kind: 'write', name: 'orders.create' };

interface Harness {
  faults: FaultInjector;
  slept: number[];
  advance(ms: number): void;
  close(): Promise<void>;
}

async function harness(service: FaultService, profile: string): Promise<Harness> {
  let now = Date.UTC(2026, 0, 1);
  const slept: number[] = [];
  const moduleRef = await Test.createTestingModule({
    imports: [
      ObservabilityModule.forRoot({ service }),
      FaultsModule.forRoot({
        service,
        env: { FAULT_PROFILE: profile },
        random: seededRandom(42),
        clock: () => now,
        sleep: async (ms) => {
          slept.push(ms);
        },
      }),
    ],
  }).compile();
  return {
    faults: moduleRef.get(FaultInjector),
    slept,
    advance: (ms) => (now += ms),
    close: () => moduleRef.close(),
  };
}

/** Runs n operations and returns how many failed with an injected fault. */
async function failures(faults: FaultInjector, op: FaultOperation, n: number): Promise<number> {
  let failed = 0;
  for (let i = 0; i < n; i++) {
    try {
      await faults.before(op);
    } catch (error) {
      expect(error).toBeInstanceOf(InjectedFaultError);
      failed++;
    }
  }
  return failed;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('FaultInjector', () => {
  it('injects nothing under the none profile', async () => {
    const h = await harness('orders', 'none');
    expect(await failures(h.faults, write, 2_000)).toBe(0);
    expect(h.slept).toEqual([]);
    await h.close();
  });

  it('follows the realistic figures: ~2% order errors, ~50 ms reads, ~200 ms writes', async () => {
    const h = await harness('orders', 'realistic');
    const failed = await failures(h.faults, write, 5_000);
    expect(failed / 5_000).toBeGreaterThan(0.01);
    expect(failed / 5_000).toBeLessThan(0.03);
    const writes = h.slept.splice(0);
    expect(mean(writes)).toBeGreaterThan(180);
    expect(mean(writes)).toBeLessThan(300);
    await failures(h.faults, read, 5_000);
    const reads = h.slept.splice(0);
    expect(mean(reads)).toBeGreaterThan(45);
    expect(mean(reads)).toBeLessThan(75);
    // Occasional 3–10× tail spikes: some reads well beyond any normal jitter.
    expect(reads.filter((ms) => ms > 150).length).toBeGreaterThan(10);
    expect(Math.max(...reads)).toBeLessThan(50 * 2 * 10);
    await h.close();
  });

  it('keeps users almost error-free (~0.1%) in the realistic profile', async () => {
    const h = await harness('users', 'realistic');
    expect(await failures(h.faults, read, 5_000)).toBeLessThan(20);
    await h.close();
  });

  it('turns on 30 s peaks every 1–3 minutes in chaos, with 1.8–2.5 s latency and ~70% errors', async () => {
    const h = await harness('payments', 'chaos');
    expect(h.faults.current().peakScheduled).toBe(true);
    expect(h.faults.current().peakActive).toBe(false);
    let waited = 0;
    while (!h.faults.current().peakActive) {
      h.advance(1_000);
      waited += 1_000;
    }
    expect(waited).toBeGreaterThanOrEqual(60_000);
    expect(waited).toBeLessThanOrEqual(181_000);

    h.slept.splice(0);
    const failed = await failures(h.faults, read, 1_000);
    expect(failed / 1_000).toBeGreaterThan(0.6);
    expect(failed / 1_000).toBeLessThan(0.8);
    expect(Math.min(...h.slept)).toBeGreaterThanOrEqual(1_800);
    expect(Math.max(...h.slept)).toBeLessThanOrEqual(2_500);

    h.advance(30_000);
    expect(h.faults.current().peakActive).toBe(false);
    await h.close();
  });

  it('applies runtime overrides on top of the profile and drops them on the next change', async () => {
    const h = await harness('users', 'none');
    const forced = h.faults.configure(undefined, { errorRate: 1 });
    expect(forced).toMatchObject({ profile: 'none', errorRate: 1, latencyMultiplier: 0 });
    const error = await h.faults.before(read).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InjectedFaultError);
    expect((error as InjectedFaultError).getStatus()).toBe(503);

    expect(h.faults.configure('realistic', {})).toMatchObject({ profile: 'realistic', errorRate: 0.001, latencyMultiplier: 1 });
    expect(h.faults.configure(undefined, { peak: 'on' })).toMatchObject({ peakScheduled: true });
    await h.close();
  });

  it('scales domain-specific latencies by the profile and skips them under none', async () => {
    const h = await harness('payments', 'realistic');
    for (let i = 0; i < 2_000; i++) await h.faults.delay(500, 200);
    expect(mean(h.slept)).toBeGreaterThan(450);
    expect(mean(h.slept)).toBeLessThan(650);
    h.faults.configure('none', {});
    h.slept.splice(0);
    await h.faults.delay(500, 200);
    expect(h.slept).toEqual([]);
    await h.close();
  });

  it('refuses an unknown FAULT_PROFILE at start-up, naming the variable', () => {
    expect(() => FaultsModule.forRoot({ service: 'users', env: { FAULT_PROFILE: 'wild' } })).toThrow(
      /FAULT_PROFILE must be one of none, realistic, chaos; got "wild"/,
    );
  });
});
