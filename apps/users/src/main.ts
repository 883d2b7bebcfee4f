// The users service: REST on PORT (8083), gRPC on GRPC_PORT (9083). Start with the tracing preload:
// node --require ./dist/apps/users/instrumentation.js ./dist/apps/users/main.js
import { bootstrapService, exitOnStartupError } from '@obs/observability';
import { AppModule } from './app/app.module';
import { USERS_BOOTSTRAP } from './app/transport';

bootstrapService(AppModule, USERS_BOOTSTRAP).catch(exitOnStartupError);
