// The daily wave of DESIGN.md: quiet at midnight (×0.2), peak at noon (×1.0).

/** `0.2 + 0.8 * (0.5 + 0.5 * cos((hour - 12) * pi / 12))` */
export function diurnalMultiplier(hour: number): number {
  return 0.2 + 0.8 * (0.5 + 0.5 * Math.cos(((hour - 12) * Math.PI) / 12));
}

/**
 * The simulated hour of day (0 ≤ h < 24) at an epoch time when a day lasts `dayMinutes` real minutes.
 * With 1440 it is the real UTC hour; with 60 a whole day passes every real hour, aligned to UTC.
 */
export function simulatedHour(epochMs: number, dayMinutes: number): number {
  const dayMs = dayMinutes * 60_000;
  const intoDay = ((epochMs % dayMs) + dayMs) % dayMs;
  return (intoDay / dayMs) * 24;
}
