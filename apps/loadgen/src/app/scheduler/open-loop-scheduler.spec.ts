import { ManualClock } from '../clock/clock';
import { Arrival, DropReason, OpenLoopScheduler } from './open-loop-scheduler';

function setup(rate: number, maxConcurrency = 1_000) {
  const clock = new ManualClock(1_000_000);
  const sent: Arrival[] = [];
  const drops: DropReason[] = [];
  const release: (() => void)[] = [];
  let currentRate = rate;
  const scheduler = new OpenLoopScheduler({
    clock,
    rate: () => currentRate,
    maxConcurrency: () => maxConcurrency,
    dispatch: (a) => {
      sent.push(a);
      return new Promise<void>((resolve) => release.push(resolve));
    },
    onDrop: (reason) => drops.push(reason),
  });
  return { clock, scheduler, sent, drops, release, setRate: (r: number) => (currentRate = r) };
}

describe('OpenLoopScheduler (injected clock)', () => {
  it('launches arrivals at the target rate whatever the responses do, with evenly spaced intended times', () => {
    const { clock, scheduler, sent } = setup(100);
    for (let i = 0; i < 1_000; i++) {
      scheduler.tick();
      clock.advance(1);
    }
    // 1 s at 100/s; none of the responses ever came back (open loop).
    expect(sent).toHaveLength(100);
    expect(sent[1].intendedAt - sent[0].intendedAt).toBeCloseTo(10, 9);
    expect(scheduler.stats.inFlight).toBe(100);
  });

  it('keeps the intended time when it falls behind, so latency includes the lag', () => {
    const { clock, scheduler, sent } = setup(100);
    scheduler.tick();
    clock.advance(55);
    scheduler.tick();
    expect(sent.map((a) => a.intendedAt - 1_000_000)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(sent[1].sentAt - sent[1].intendedAt).toBe(45);
  });

  it('drops (and counts) arrivals beyond the concurrency cap instead of queueing them', async () => {
    const { clock, scheduler, sent, drops, release } = setup(1_000, 5);
    for (let i = 0; i < 100; i++) {
      scheduler.tick();
      clock.advance(1);
    }
    expect(sent).toHaveLength(5);
    expect(drops).toHaveLength(95);
    expect(new Set(drops)).toEqual(new Set(['concurrency_limit']));
    release.forEach((r) => r());
    await new Promise((r) => setImmediate(r));
    scheduler.tick();
    expect(sent).toHaveLength(6);
    expect(scheduler.stats).toMatchObject({ offered: 101, sent: 6, dropped: 95 });
  });

  it('builds no backlog while paused (rate 0) and resumes from now', () => {
    const { clock, scheduler, sent, setRate } = setup(100);
    scheduler.tick();
    setRate(0);
    clock.advance(60_000);
    scheduler.tick();
    expect(sent).toHaveLength(1);
    setRate(100);
    scheduler.tick();
    expect(sent).toHaveLength(2);
    expect(sent[1].intendedAt).toBe(clock.now());
  });

  it('drops arrivals that are far behind schedule rather than flooding the target', () => {
    const { clock, scheduler, sent, drops } = setup(10);
    scheduler.tick();
    clock.advance(10_050);
    scheduler.tick();
    // Intended at 0.1 … 10 s, now is 10.05 s: only those within 2 s of now are sent.
    expect(drops.filter((d) => d === 'behind_schedule')).toHaveLength(80);
    expect(sent).toHaveLength(21);
  });

  it('stops scheduling at endAt', async () => {
    const { clock, scheduler, sent } = setup(100);
    scheduler.endAt = clock.now() + 500;
    for (let i = 0; i < 1_000; i++) {
      scheduler.tick();
      clock.advance(1);
    }
    expect(sent).toHaveLength(50);
    await expect(scheduler.finished).resolves.toBeUndefined();
  });
});
