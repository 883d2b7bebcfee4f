import { stdTimeFunctions } from 'pino';
import { isoTimeCachedPerSecond } from './iso-time';

describe('isoTimeCachedPerSecond', () => {
  it("writes the same text as pino's isoTime, across millisecond padding, second, day and year boundaries", () => {
    const instants = [
      Date.UTC(2026, 10, 22, 9, 20, 5, 0),
      Date.UTC(2026, 10, 22, 9, 20, 5, 7),
      Date.UTC(2026, 10, 22, 9, 20, 5, 42),
      Date.UTC(2026, 10, 22, 9, 20, 5, 999),
      Date.UTC(2026, 10, 22, 9, 20, 6, 0),
      Date.UTC(2026, 11, 31, 23, 59, 59, 999),
      Date.UTC(2027, 0, 1, 0, 0, 0, 1),
      // A clock that steps back (NTP) must not reuse the later second's text.
      Date.UTC(2026, 10, 22, 9, 20, 5, 500),
      0,
    ];
    let current = 0;
    const timestamp = isoTimeCachedPerSecond(() => current);
    for (const instant of instants) {
      current = instant;
      const realDateNow = Date.now;
      Date.now = () => instant;
      try {
        expect(timestamp()).toBe(stdTimeFunctions.isoTime());
      } finally {
        Date.now = realDateNow;
      }
    }
  });

  it('follows the real clock by default', () => {
    const before = Date.now();
    const text = isoTimeCachedPerSecond()();
    const written = Date.parse(JSON.parse(`{${text.slice(1)}}`).time as string);
    expect(written).toBeGreaterThanOrEqual(before);
    expect(written).toBeLessThanOrEqual(Date.now());
  });
});
