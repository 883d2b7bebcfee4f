export { FaultsModule } from './lib/faults.module';
export { FaultInjector, type FaultOperation } from './lib/fault-injector';
export { InjectedFaultError } from './lib/injected-fault.error';
export { type FaultsModuleOptions } from './lib/fault.tokens';
export {
  FAULT_PROFILES,
  PEAK_MODES,
  LATENCY,
  PEAK,
  type EffectiveFaults,
  type FaultOverrides,
  type FaultProfileName,
  type FaultService,
  type PeakMode,
} from './lib/fault-profiles';
export { seededRandom, type Clock, type RandomSource, type Sleep } from './lib/random';
export { UpdateFaultsDto } from './lib/update-faults.dto';
