// The variants file of `npm run bench:compare`: which orders builds to run side by side and how.
// Validated up front so a typo fails with the variant and field named, not halfway through a run.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const variantSchema = z.object({
  id: z.string().regex(/^[a-z0-9+-]+$/i, 'letters, digits, + and - only'),
  /** A folder under dist/apps holding main.js (a symlink to another checkout's build works). */
  app: z.string().default('orders'),
  /** A preload for --require, relative to the repository root (e.g. dist/apps/orders/instrumentation.js). */
  preload: z.string().optional(),
  /** "$OTLP" in a value is replaced by the local receiver's endpoint. */
  env: z.record(z.string(), z.string()).default({}),
  /** Per-request logs go to a file; without it stdout is discarded. */
  logs: z.boolean().default(false),
});

export const compareSpecSchema = z.array(variantSchema).min(2, 'at least two variants: the first is the baseline');

export type CompareVariant = z.infer<typeof variantSchema>;

export function parseCompareSpec(json: string, source: string): CompareVariant[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new Error(`${source}: not JSON (${(error as Error).message})`);
  }
  const result = compareSpecSchema.safeParse(raw);
  if (!result.success) {
    const details = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`${source}: ${details.join('; ')}`);
  }
  const ids = result.data.map((variant) => variant.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate) throw new Error(`${source}: variant id ${duplicate} appears twice`);
  return result.data;
}

export async function readCompareSpec(path: string): Promise<CompareVariant[]> {
  return parseCompareSpec(await readFile(path, 'utf8'), path);
}

export function withEndpoint(env: Record<string, string>, otlpEndpoint: string): Record<string, string> {
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value.replaceAll('$OTLP', otlpEndpoint)]));
}
