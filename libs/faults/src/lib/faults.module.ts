// FaultsModule.forRoot({ service }) gives a service its FaultInjector (profile from FAULT_PROFILE)
// and GET/PUT /admin/faults to change it at run time.
import { DynamicModule, Module } from '@nestjs/common';
import { parseProfile } from './fault-profiles';
import { FaultInjector } from './fault-injector';
import { FAULTS_OPTIONS, FaultsModuleOptions } from './fault.tokens';
import { AdminTokenGuard } from './admin-token.guard';
import { FaultsAdminController } from './faults-admin.controller';

@Module({})
export class FaultsModule {
  static forRoot(options: FaultsModuleOptions): DynamicModule {
    // Fails start-up with the variable's name rather than at the first request.
    parseProfile((options.env ?? process.env)['FAULT_PROFILE']);
    return {
      module: FaultsModule,
      global: true,
      controllers: [FaultsAdminController],
      providers: [{ provide: FAULTS_OPTIONS, useValue: options }, FaultInjector, AdminTokenGuard],
      exports: [FaultInjector],
    };
  }
}
