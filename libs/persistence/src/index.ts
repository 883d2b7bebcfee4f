export { PersistenceModule } from './lib/persistence.module';
export { DatabaseLifecycle, type PersistenceOptions } from './lib/database-lifecycle';
export { KYSELY, InjectKysely } from './lib/tokens';
export { DatabaseUnavailableError, isUniqueViolation, pgErrorCode } from './lib/errors';
export { POOL_LIMITS } from './lib/pool';
export { withDatabase, redactUrl } from './lib/database-url';
export { resolveDatabaseUrl, localPostgresSettings, LOCAL_POSTGRES_PORT } from './lib/local-postgres';
export { startEmbeddedPostgres, type EmbeddedPostgres, type EmbeddedPostgresOptions } from './lib/embedded-postgres';
export { startTestPostgres, freeTcpPort, type TestPostgres, type TestPostgresOptions } from './lib/test-postgres';
