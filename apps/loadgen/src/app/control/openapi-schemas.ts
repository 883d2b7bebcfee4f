// OpenAPI schemas for /docs, generated from the same zod schemas that validate the requests.
import type { ApiResponseSchemaHost } from '@nestjs/swagger';
import { z } from 'zod';
import { runtimeConfigSchema } from '../config/runtime-config';
import { burstRequestSchema } from './burst-request';

type SchemaObject = ApiResponseSchemaHost['schema'];

function toOpenApi(schema: z.ZodType): SchemaObject {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return json as SchemaObject;
}

export const CONFIG_SCHEMA = toOpenApi(runtimeConfigSchema);
export const BURST_BODY_SCHEMA = toOpenApi(burstRequestSchema);

/** The same document with nothing required, at the top or in the nested objects (they merge). */
function withoutRequired(schema: SchemaObject): SchemaObject {
  const {
    required: _required,
    properties,
    ...rest
  } = schema as SchemaObject & { properties?: Record<string, SchemaObject> };
  if (!properties) return rest;
  return {
    ...rest,
    properties: Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, withoutRequired(v)])),
  };
}

export const CONFIG_PATCH_SCHEMA: SchemaObject = {
  ...withoutRequired(CONFIG_SCHEMA),
  description: 'Any subset of the config; nested objects (diurnal, burst, mix) merge key by key.',
};
