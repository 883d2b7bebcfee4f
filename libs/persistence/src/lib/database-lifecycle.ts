// Brings a service's database up: connect, create the database when it is missing, migrate; and,
// when Postgres is unreachable, keep retrying with backoff in the background (readiness stays
// false) rather than failing start-up, so an orchestrator sees an unready pod, not a crash loop.
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit, Optional } from '@nestjs/common';
import { ReadinessService } from '@obs/observability';
import { Kysely, Migration, Migrator, sql } from 'kysely';
import { createDatabaseIfMissing, databaseName, redactUrl } from './database-url';
import { isUnavailableError, pgErrorCode } from './errors';
import { KYSELY, PERSISTENCE_OPTIONS, RESOLVED_DATABASE_URL } from './tokens';

export interface PersistenceOptions {
  readonly service: string;
  readonly migrations: Record<string, Migration>;
  /** Backoff between connection attempts while Postgres is unreachable. */
  readonly retry?: { readonly initialDelayMs?: number; readonly maxDelayMs?: number };
}

@Injectable()
export class DatabaseLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Persistence');
  private migrated = false;
  private attempts = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readyWaiters: Array<() => void> = [];

  constructor(
    @Inject(PERSISTENCE_OPTIONS) private readonly options: PersistenceOptions,
    @Inject(RESOLVED_DATABASE_URL) private readonly url: string,
    @Inject(KYSELY) private readonly db: Kysely<unknown>,
    // Optional so the module also runs without ObservabilityModule (scripts, focused tests).
    @Optional() private readonly readiness?: ReadinessService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.readiness?.registerCheck(`database:${this.options.service}`, () => this.isReady());
    // The first attempt is awaited so a healthy start serves requests with its schema in place.
    await this.attempt();
  }

  /** Whether migrations ran and Postgres answers now. */
  async isReady(): Promise<boolean> {
    if (!this.migrated) return false;
    try {
      await sql`SELECT 1`.execute(this.db);
      return true;
    } catch {
      return false;
    }
  }

  /** Resolves once the schema is migrated (immediately if it already is). */
  whenMigrated(): Promise<void> {
    if (this.migrated) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.db.destroy();
  }

  private async attempt(): Promise<void> {
    if (this.stopped) return;
    this.attempts += 1;
    try {
      await this.connectAndMigrate();
      this.migrated = true;
      if (this.attempts > 1) this.logger.log(`database ${databaseName(this.url)} reachable again after ${this.attempts} attempts`);
      for (const resolve of this.readyWaiters.splice(0)) resolve();
    } catch (error) {
      const delay = this.nextDelay();
      const problem = error instanceof MigrationError ? `migration ${error.migration} failed` : `database ${redactUrl(this.url)} unreachable`;
      this.logger.error(`${problem} (attempt ${this.attempts}: ${describe(error)}); not ready, retrying in ${delay} ms`);
      this.timer = setTimeout(() => void this.attempt(), delay);
      this.timer.unref();
    }
  }

  private nextDelay(): number {
    const initial = this.options.retry?.initialDelayMs ?? 1_000;
    const max = this.options.retry?.maxDelayMs ?? 10_000;
    return Math.min(max, initial * 2 ** Math.min(this.attempts - 1, 16));
  }

  private async connectAndMigrate(): Promise<void> {
    try {
      await sql`SELECT 1`.execute(this.db);
    } catch (error) {
      // 3D000: the server is up but this service's database does not exist yet (first local run, tests).
      if (pgErrorCode(error) !== '3D000' && pgErrorCode((error as { cause?: unknown }).cause) !== '3D000') throw error;
      await createDatabaseIfMissing(this.url);
      this.logger.log(`created database ${databaseName(this.url)}`);
    }
    const migrator = new Migrator({
      db: this.db,
      provider: { getMigrations: async () => this.options.migrations },
    });
    const { error, results } = await migrator.migrateToLatest();
    for (const result of results ?? []) {
      if (result.status === 'Success') this.logger.log(`migration ${result.migrationName} applied`);
    }
    const failed = results?.find((r) => r.status === 'Error');
    if (error) throw failed && !isUnavailableError(error) ? new MigrationError(failed.migrationName, error) : error;
  }
}

class MigrationError extends Error {
  constructor(
    readonly migration: string,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  const base = error instanceof Error ? error.message : String(error);
  return cause instanceof Error && !base.includes(cause.message) ? `${base}: ${cause.message}` : base;
}
