// One line per app: PersistenceModule.forRoot({ service, migrations }) gives it a migrated Postgres
// database behind a bounded pool, the Kysely instance under KYSELY, and a readiness check.
import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { Kysely, PostgresDialect } from 'kysely';
import { DatabaseLifecycle, PersistenceOptions } from './database-lifecycle';
import { resolveDatabaseUrl } from './local-postgres';
import { createPool, kyselyPool } from './pool';
import { KYSELY, PERSISTENCE_OPTIONS, RESOLVED_DATABASE_URL } from './tokens';

@Global()
@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      providers: [
        { provide: PERSISTENCE_OPTIONS, useValue: options },
        { provide: RESOLVED_DATABASE_URL, useFactory: () => resolveDatabaseUrl(options.service) },
        {
          provide: KYSELY,
          inject: [RESOLVED_DATABASE_URL],
          useFactory: (url: string) => {
            const logger = new Logger('Persistence');
            const pool = createPool(url, options.service, (error) => logger.warn(`idle database connection lost: ${error.message}`));
            return new Kysely<unknown>({ dialect: new PostgresDialect({ pool: kyselyPool(pool) }) });
          },
        },
        DatabaseLifecycle,
      ],
      exports: [KYSELY, DatabaseLifecycle],
    };
  }
}
