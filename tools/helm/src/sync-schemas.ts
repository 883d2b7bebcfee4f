// Writes helm/<app>/values.schema.json for every app chart from values-schema.ts.
// Run: nx run helm-charts:sync-schemas
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { APP_CHARTS } from './charts';
import { renderValuesSchema } from './values-schema';
import { WORKSPACE_ROOT } from './unpack-binaries';

for (const chart of APP_CHARTS) {
  const file = join(chart.dir, 'values.schema.json');
  writeFileSync(file, renderValuesSchema({ grpc: chart.grpcPort !== undefined }));
  console.log(`wrote ${relative(WORKSPACE_ROOT, file)}`);
}
