import { Global, Module } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { Kysely, Migration, sql } from 'kysely';
import { ReadinessService } from '@obs/observability';
import { freePort, waitFor } from '@obs/testing';
import { DatabaseLifecycle } from './database-lifecycle';
import { DatabaseUnavailableError, isUniqueViolation } from './errors';
import { PersistenceModule } from './persistence.module';
import { startTestPostgres, TestPostgres } from './test-postgres';
import { KYSELY } from './tokens';

interface NotesDatabase {
  notes: { id: string; body: string };
}

const migrations: Record<string, Migration> = {
  '001_notes': {
    up: (db) => db.schema.createTable('notes').addColumn('id', 'text', (c) => c.primaryKey()).addColumn('body', 'text', (c) => c.notNull()).execute(),
  },
};

/** ObservabilityModule provides ReadinessService globally in the apps; this is that slice of it. */
@Global()
@Module({ providers: [ReadinessService], exports: [ReadinessService] })
class ReadinessModule {}

async function boot(url: string): Promise<TestingModule> {
  process.env['DATABASE_URL'] = url;
  const moduleRef = await Test.createTestingModule({
    imports: [ReadinessModule, PersistenceModule.forRoot({ service: 'notes', migrations, retry: { initialDelayMs: 100, maxDelayMs: 400 } })],
  }).compile();
  await moduleRef.init();
  return moduleRef;
}

describe('PersistenceModule', () => {
  jest.setTimeout(60_000);
  let pg: TestPostgres;
  const savedUrl = process.env['DATABASE_URL'];

  beforeAll(async () => {
    pg = await startTestPostgres();
  });
  afterAll(async () => {
    await pg.stop();
    if (savedUrl === undefined) delete process.env['DATABASE_URL'];
    else process.env['DATABASE_URL'] = savedUrl;
  });

  it('creates the missing database, migrates it and serves queries through KYSELY', async () => {
    const moduleRef = await boot(pg.urlFor('notes_created'));
    try {
      const db = moduleRef.get<Kysely<NotesDatabase>>(KYSELY);
      await db.insertInto('notes').values({ id: 'n1', body: 'hello' }).execute();
      const row = await db.selectFrom('notes').selectAll().where('id', '=', 'n1').executeTakeFirstOrThrow();
      expect(row.body).toBe('hello');

      const duplicate = await db.insertInto('notes').values({ id: 'n1', body: 'again' }).execute().catch((e: unknown) => e);
      expect(isUniqueViolation(duplicate)).toBe(true);

      const readiness = moduleRef.get(ReadinessService);
      readiness.markStarted();
      expect((await readiness.report()).checks).toEqual({ 'database:notes': true });
    } finally {
      await moduleRef.close();
    }
  });

  it('keeps its migrations applied across restarts without re-running them', async () => {
    const url = pg.urlFor('notes_restart');
    await (await boot(url)).close();
    const moduleRef = await boot(url);
    try {
      const db = moduleRef.get<Kysely<NotesDatabase>>(KYSELY);
      const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
      expect(applied.rows.map((r) => r.name)).toEqual(['001_notes']);
    } finally {
      await moduleRef.close();
    }
  });

  it('starts unready when Postgres is unreachable, answers 503-class errors, and recovers once it is up', async () => {
    const port = await freePort();
    const url = `postgres://postgres:secret@127.0.0.1:${port}/notes_late`;
    const moduleRef = await boot(url);
    let late: TestPostgres | undefined;
    try {
      const lifecycle = moduleRef.get(DatabaseLifecycle);
      const readiness = moduleRef.get(ReadinessService);
      readiness.markStarted();
      expect((await readiness.report()).checks).toEqual({ 'database:notes': false });

      const db = moduleRef.get<Kysely<NotesDatabase>>(KYSELY);
      const failure = await db.selectFrom('notes').selectAll().execute().catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(DatabaseUnavailableError);
      expect((failure as DatabaseUnavailableError).getStatus()).toBe(503);

      late = await startTestPostgres({ port, password: 'secret' });
      await lifecycle.whenMigrated();
      await waitFor(async () => ((await readiness.isReady()) ? true : undefined), { what: 'readiness' });
      expect(await db.selectFrom('notes').selectAll().execute()).toEqual([]);
    } finally {
      await moduleRef.close();
      await late?.stop();
    }
  });
});
