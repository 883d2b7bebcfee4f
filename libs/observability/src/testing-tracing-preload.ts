// A test preload: the library's tracing setup plus an exporter that appends every finished span to
// OBS_TEST_SPANS_FILE, so a test can compare the ids in logs and exemplars with exported spans:
//   node -r @swc-node/register -r libs/observability/src/testing-tracing-preload.ts main.ts
// OBS_TEST_SPANS_BATCH_DELAY_MS set high means spans are written only by the shutdown flush.
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { JsonLinesSpanExporter } from './lib/tracing/json-lines-span-exporter';
import { startTracing } from './lib/tracing/start-tracing';

const file = process.env['OBS_TEST_SPANS_FILE'];
if (!file) throw new Error('OBS_TEST_SPANS_FILE must name the file the spans are written to');

startTracing({
  spanProcessors: [
    new BatchSpanProcessor(new JsonLinesSpanExporter(file), {
      scheduledDelayMillis: Number(process.env['OBS_TEST_SPANS_BATCH_DELAY_MS'] ?? 100),
    }),
  ],
});
