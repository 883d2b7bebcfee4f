import { z } from 'zod';

/** POST /api/burst body; both fields fall back to the burst settings of the runtime config. */
export const burstRequestSchema = z
  .object({
    multiplier: z.number().min(1).max(100).optional(),
    durationSeconds: z.number().min(0.1).max(86_400).optional(),
  })
  .strict();
