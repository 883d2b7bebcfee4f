// Entry of the fixture app spawned by the tests, exactly like a service's main.ts:
// node -r @swc-node/register -r ../testing-tracing-preload.ts ./fixture-main.ts
import { bootstrapService, exitOnStartupError } from '../lib/bootstrap/bootstrap-service';
import { FIXTURE_PROTO, FIXTURE_PROTO_PACKAGE, FIXTURE_SERVICE, FixtureModule } from './fixture.module';

// PORT and GRPC_PORT come from the test (free ports); gRPC is on only when GRPC_PORT is set.
const grpcPort = Number(process.env['GRPC_PORT'] ?? 0);

bootstrapService(FixtureModule, {
  service: FIXTURE_SERVICE,
  httpPort: 0,
  bodyLimitBytes: 1024,
  ...(grpcPort > 0
    ? { grpc: { package: FIXTURE_PROTO_PACKAGE, protoPath: FIXTURE_PROTO, port: grpcPort } }
    : {}),
}).catch(exitOnStartupError);
