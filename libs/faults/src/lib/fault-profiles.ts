// The fault profiles of DESIGN.md ("Simulated behaviour"): what each profile injects per service,
// and how runtime overrides from /admin/faults combine with them. Pure data and functions.
export const FAULT_PROFILES = ['none', 'realistic', 'chaos'] as const;
export type FaultProfileName = (typeof FAULT_PROFILES)[number];

export const PEAK_MODES = ['auto', 'on', 'off'] as const;
/** auto: the profile decides (peaks only in chaos); on/off: force the periodic peak windows on or off. */
export type PeakMode = (typeof PEAK_MODES)[number];

export type FaultService = 'orders' | 'payments' | 'users';

export interface FaultOverrides {
  readonly errorRate?: number;
  readonly latencyMultiplier?: number;
  readonly peak?: PeakMode;
}

/** What is injected right now: the profile with the overrides applied. */
export interface EffectiveFaults {
  readonly service: FaultService;
  readonly profile: FaultProfileName;
  /** Probability (0..1) that an operation fails with an injected error outside peaks. */
  readonly errorRate: number;
  /** Scales injected latency; 0 means no injected latency. */
  readonly latencyMultiplier: number;
  readonly peak: PeakMode;
  /** Whether the periodic peak windows are enabled (peak on, or auto in chaos). */
  readonly peakScheduled: boolean;
  /** Whether a peak window is running now. */
  readonly peakActive: boolean;
  readonly overrides: FaultOverrides;
}

/** DESIGN.md realistic error rates: orders ~2%, payments ~5%, users ~0.1%. */
const REALISTIC_ERROR_RATE: Record<FaultService, number> = { orders: 0.02, payments: 0.05, users: 0.001 };

interface ProfileFigures {
  readonly errorRate: number;
  readonly latencyMultiplier: number;
  readonly peakScheduled: boolean;
}

export function profileFigures(profile: FaultProfileName, service: FaultService): ProfileFigures {
  switch (profile) {
    case 'none':
      return { errorRate: 0, latencyMultiplier: 0, peakScheduled: false };
    case 'realistic':
      return { errorRate: REALISTIC_ERROR_RATE[service], latencyMultiplier: 1, peakScheduled: false };
    case 'chaos':
      // Chaos: the realistic figures turned up (5× errors, 1.5× latency) plus the peak windows.
      return { errorRate: Math.min(1, REALISTIC_ERROR_RATE[service] * 5), latencyMultiplier: 1.5, peakScheduled: true };
  }
}

export const LATENCY = {
  /** DESIGN.md: reads ~50 ms, writes (order creation) ~200 ms. */
  readMeanMs: 50,
  writeMeanMs: 200,
  /** Normal jitter: standard deviation as a fraction of the mean. */
  jitterFraction: 0.2,
  /** Occasional tail spikes of 3–10× the drawn latency. */
  spikeProbability: 0.01,
  spikeMin: 3,
  spikeMax: 10,
} as const;

export const PEAK = {
  /** Every 1–3 minutes, for 30 s: latency 1.8–2.5 s and ~70% errors. */
  gapMinMs: 60_000,
  gapMaxMs: 180_000,
  durationMs: 30_000,
  latencyMinMs: 1_800,
  latencyMaxMs: 2_500,
  errorRate: 0.7,
} as const;

export function parseProfile(value: string | undefined, variable = 'FAULT_PROFILE'): FaultProfileName {
  if (value === undefined || value === '') return 'none';
  if ((FAULT_PROFILES as readonly string[]).includes(value)) return value as FaultProfileName;
  throw new Error(`${variable} must be one of ${FAULT_PROFILES.join(', ')}; got "${value}"`);
}
