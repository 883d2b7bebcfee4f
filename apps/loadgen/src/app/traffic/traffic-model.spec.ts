import { ManualClock } from '../clock/clock';
import { seededRng } from '../clock/rng';
import { DEFAULT_RUNTIME_CONFIG } from '../config/runtime-config';
import { diurnalMultiplier, simulatedHour } from './diurnal';
import { TrafficModel, TrafficSettings } from './traffic-model';

const HOUR = 3_600_000;
const MIDNIGHT_UTC = Date.UTC(2026, 0, 15);

function settings(overrides: Partial<TrafficSettings> = {}): TrafficSettings {
  return {
    baseRps: 100,
    diurnal: { enabled: true, dayMinutes: 1440 },
    burst: { probability: 0, multiplier: 5, durationSeconds: 30, cycleSeconds: 10 },
    ...overrides,
  };
}

describe('diurnal wave', () => {
  it('peaks at noon, bottoms out at midnight and is symmetric around noon', () => {
    expect(diurnalMultiplier(12)).toBeCloseTo(1, 10);
    expect(diurnalMultiplier(0)).toBeCloseTo(0.2, 10);
    expect(diurnalMultiplier(6)).toBeCloseTo(0.6, 10);
    expect(diurnalMultiplier(9)).toBeCloseTo(diurnalMultiplier(15), 10);
  });

  it('follows real UTC hours with a 1440-minute day and compresses a day into dayMinutes', () => {
    expect(simulatedHour(MIDNIGHT_UTC + 6 * HOUR, 1440)).toBeCloseTo(6, 10);
    // A 60-minute day: 30 real minutes after the hour is simulated noon.
    expect(simulatedHour(MIDNIGHT_UTC + 30 * 60_000, 60)).toBeCloseTo(12, 10);
    expect(simulatedHour(MIDNIGHT_UTC + 15 * 60_000, 60)).toBeCloseTo(6, 10);
  });

  it('scales the base rate by the wave at the injected clock time', () => {
    const clock = new ManualClock(MIDNIGHT_UTC);
    const model = new TrafficModel(settings(), clock, seededRng(1));
    expect(model.rate()).toBeCloseTo(20, 6);
    clock.set(MIDNIGHT_UTC + 12 * HOUR);
    expect(model.rate()).toBeCloseTo(100, 6);
    model.update(settings({ diurnal: { enabled: false, dayMinutes: 1440 } }));
    clock.set(MIDNIGHT_UTC);
    expect(model.rate()).toBeCloseTo(100, 6);
  });
});

describe('bursts', () => {
  const flat = { enabled: false, dayMinutes: 1440 };

  it('never bursts with probability 0 and always bursts at the first cycle with probability 1', () => {
    const clock = new ManualClock(MIDNIGHT_UTC);
    const never = new TrafficModel(settings({ diurnal: flat }), clock, seededRng(7));
    const always = new TrafficModel(
      settings({
        diurnal: flat,
        burst: { probability: 1, multiplier: 5, durationSeconds: 30, cycleSeconds: 10 },
      }),
      clock,
      seededRng(7),
    );
    clock.advance(9_999);
    expect(always.rate()).toBe(100);
    clock.advance(1);
    expect(always.snapshot().burst).toEqual({ active: true, multiplier: 5, endsAt: MIDNIGHT_UTC + 40_000 });
    expect(always.rate()).toBe(500);
    for (let i = 0; i < 100; i++) {
      clock.advance(10_000);
      expect(never.rate()).toBe(100);
    }
  });

  it('ends after its duration and does not restart while one is running', () => {
    const clock = new ManualClock(MIDNIGHT_UTC);
    const model = new TrafficModel(
      settings({
        diurnal: flat,
        burst: { probability: 1, multiplier: 3, durationSeconds: 25, cycleSeconds: 10 },
      }),
      clock,
      seededRng(3),
    );
    clock.advance(10_000);
    expect(model.snapshot().burst.endsAt).toBe(MIDNIGHT_UTC + 35_000);
    clock.advance(20_000); // cycles at 20 s and 30 s fall inside the burst
    expect(model.snapshot().burst.endsAt).toBe(MIDNIGHT_UTC + 35_000);
    clock.advance(5_000);
    expect(model.rate()).toBe(100);
  });

  it('starts bursts at about the configured chance per cycle (2% over many cycles)', () => {
    const clock = new ManualClock(MIDNIGHT_UTC);
    const model = new TrafficModel(
      settings({
        diurnal: flat,
        burst: { ...DEFAULT_RUNTIME_CONFIG.burst, durationSeconds: 1, cycleSeconds: 10 },
      }),
      clock,
      seededRng(42),
    );
    let bursts = 0;
    const cycles = 20_000;
    for (let i = 0; i < cycles; i++) {
      clock.advance(10_000);
      if (model.snapshot().burst.active) bursts += 1;
    }
    // Binomial(20000, 0.02): mean 400, sd ≈ 19.8; ±4 sd.
    expect(bursts).toBeGreaterThan(320);
    expect(bursts).toBeLessThan(480);
  });

  it('starts a manual burst at once with the given multiplier and duration', () => {
    const clock = new ManualClock(MIDNIGHT_UTC);
    const model = new TrafficModel(settings({ diurnal: flat }), clock, seededRng(1));
    expect(model.triggerBurst(4, 2)).toEqual({ active: true, multiplier: 4, endsAt: MIDNIGHT_UTC + 2_000 });
    expect(model.rate()).toBe(400);
    clock.advance(2_000);
    expect(model.rate()).toBe(100);
  });
});
