// Root module of payments: observability, persistence (its own database) and the fault profile
// are platform modules; the payments capability is the service's own code.
import { Module } from '@nestjs/common';
import { FaultsModule } from '@obs/faults';
import { ObservabilityModule } from '@obs/observability';
import { PersistenceModule } from '@obs/persistence';
import { paymentsMigrations } from './payments/payments.migrations';
import { PaymentsModule } from './payments/payments.module';

export const SERVICE_NAME = 'payments';

@Module({
  imports: [
    ObservabilityModule.forRoot({ service: SERVICE_NAME }),
    PersistenceModule.forRoot({ service: SERVICE_NAME, migrations: paymentsMigrations }),
    FaultsModule.forRoot({ service: SERVICE_NAME }),
    PaymentsModule,
  ],
})
export class AppModule {}
