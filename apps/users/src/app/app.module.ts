import { Module } from '@nestjs/common';
import { FaultsModule } from '@obs/faults';
import { ObservabilityModule } from '@obs/observability';
import { PersistenceModule } from '@obs/persistence';
import { AuthModule } from './auth/auth.module';
import { USERS_MIGRATIONS } from './database/migrations';
import { UsersModule } from './users/users.module';

@Module({
  imports: [
    ObservabilityModule.forRoot({ service: 'users' }),
    PersistenceModule.forRoot({ service: 'users', migrations: USERS_MIGRATIONS }),
    FaultsModule.forRoot({ service: 'users' }),
    UsersModule,
    AuthModule,
  ],
})
export class AppModule {}
