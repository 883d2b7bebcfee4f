// A plain grpc-js client for fixture.proto, as another service (in any language) would call it.
import { credentials, loadPackageDefinition, Metadata, ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { FIXTURE_PROTO } from './fixture.module';

interface Item {
  id: string;
  name: string;
}

type GetItem = (request: { id: string }, callback: (error: ServiceError | null, item?: Item) => void) => void;
interface ItemsClient {
  GetItem: GetItem;
  close(): void;
}
type ItemsClientConstructor = new (
  target: string,
  creds: ReturnType<typeof credentials.createInsecure>,
) => ItemsClient;

export interface GetItemResult {
  readonly code: number;
  readonly item?: Item;
  readonly details?: string;
  readonly metadata?: Metadata;
}

export function fixtureGrpcClient(target: string): {
  getItem(id: string): Promise<GetItemResult>;
  close(): void;
} {
  const definition = loadPackageDefinition(loadSync(FIXTURE_PROTO)) as unknown as {
    obs: { fixture: { v1: { ItemsService: ItemsClientConstructor } } };
  };
  const client = new definition.obs.fixture.v1.ItemsService(target, credentials.createInsecure());
  return {
    getItem: (id) =>
      new Promise((resolve) =>
        client.GetItem({ id }, (error, item) =>
          resolve(
            error
              ? { code: error.code, details: error.details, metadata: error.metadata }
              : { code: 0, item },
          ),
        ),
      ),
    close: () => client.close(),
  };
}
