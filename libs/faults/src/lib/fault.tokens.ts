import type { FaultService } from './fault-profiles';
import type { Clock, RandomSource, Sleep } from './random';

export interface FaultsModuleOptions {
  readonly service: FaultService;
  /** Defaults to process.env; tests pass their own. */
  readonly env?: NodeJS.ProcessEnv;
  readonly random?: RandomSource;
  readonly clock?: Clock;
  readonly sleep?: Sleep;
}

export const FAULTS_OPTIONS = Symbol.for('obs.faults.options');
