// The options of `nx g @obs/workspace-plugin:service`, as schema.json describes them.
export type ServiceComponent = 'api' | 'backend' | 'worker';

export interface ServiceGeneratorSchema {
  name: string;
  grpc?: boolean;
  database?: boolean;
  component?: ServiceComponent;
  httpPort?: number;
  grpcPort?: number;
}
