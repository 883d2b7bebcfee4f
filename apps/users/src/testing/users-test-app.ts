// Boots the real users module the way main.ts does (bootstrapService, same transport options) on
// free ports against a throwaway Postgres, for the supertest and gRPC specs.
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bootstrapService } from '@obs/observability';
import { startTestPostgres, TestPostgres } from '@obs/persistence';
import { freePort } from '@obs/testing';
import { AppModule } from '../app/app.module';
import { USERS_BOOTSTRAP, USERS_GRPC } from '../app/transport';

export interface UsersTestApp {
  readonly app: NestFastifyApplication;
  readonly http: NestFastifyApplication['getHttpServer'] extends () => infer S ? S : never;
  readonly grpcPort: number;
  stop(): Promise<void>;
}

export async function startUsersTestApp(env: Record<string, string> = {}): Promise<UsersTestApp> {
  const pg: TestPostgres = await startTestPostgres();
  const saved = { ...process.env };
  // The modules read process.env (as in production); the suite's own values win over the machine's.
  Object.assign(process.env, { DATABASE_URL: pg.urlFor('users'), FAULT_PROFILE: 'none', LOG_LEVEL: 'warn', ...env });
  delete process.env['PORT'];
  delete process.env['GRPC_PORT'];
  try {
    const grpcPort = await freePort();
    const grpc = { ...USERS_GRPC, port: grpcPort };
    const app = await bootstrapService(AppModule, { ...USERS_BOOTSTRAP, httpPort: 0, grpc, env: process.env });
    return {
      app,
      http: app.getHttpServer(),
      grpcPort,
      async stop() {
        await app.close();
        await pg.stop();
        process.env = saved;
      },
    };
  } catch (error) {
    await pg.stop();
    process.env = saved;
    throw error;
  }
}
