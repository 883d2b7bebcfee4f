// Loads and validates SLO specs in Sloth's prometheus/v1 format (the subset this platform uses:
// event-based SLIs). A spec that Sloth would reject, or that names a metric nobody emits, fails here
// with the file and field in the message instead of producing rules that silently never fire.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { checkSliQuery } from './promql';

const labelMap = z.record(z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'label names are [a-zA-Z_][a-zA-Z0-9_]*'), z.string());

const alertOverrides = z
  .object({ disable: z.boolean().optional(), labels: labelMap.optional(), annotations: labelMap.optional() })
  .strict();

const sloSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'SLO names are lower-case kebab-case'),
    objective: z.number().gt(0).lt(100),
    description: z.string().optional(),
    labels: labelMap.optional(),
    sli: z
      .object({
        events: z.object({ error_query: z.string().min(1), total_query: z.string().min(1) }).strict(),
      })
      .strict(),
    alerting: z
      .object({
        name: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'alert names are PascalCase'),
        labels: labelMap.optional(),
        annotations: labelMap.optional(),
        page_alert: alertOverrides.optional(),
        ticket_alert: alertOverrides.optional(),
      })
      .strict(),
  })
  .strict();

const specSchema = z
  .object({
    version: z.literal('prometheus/v1'),
    service: z.string().regex(/^[a-z][a-z0-9-]*$/),
    labels: labelMap.optional(),
    slos: z.array(sloSchema).min(1),
  })
  .strict();

export type SloSpecFile = z.infer<typeof specSchema>;
export type SloDefinition = z.infer<typeof sloSchema>;

/** One SLO with its service, ready for rule generation. */
export interface Slo {
  readonly id: string;
  readonly service: string;
  readonly name: string;
  /** Ratio, e.g. 0.999 for 99.9. */
  readonly objective: number;
  readonly description: string;
  readonly errorQuery: string;
  readonly totalQuery: string;
  /** Spec labels (service-level, then SLO-level) put on every generated series and alert. */
  readonly labels: Readonly<Record<string, string>>;
  readonly alerting: SloDefinition['alerting'];
}

export class SpecError extends Error {}

/** Parses one spec document; `source` names it in error messages. */
export function parseSpec(text: string, source: string): Slo[] {
  const result = specSchema.safeParse(parse(text));
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new SpecError(`${source}: invalid SLO spec:\n  ${issues.join('\n  ')}`);
  }
  const spec = result.data;
  const names = new Set<string>();
  return spec.slos.map((slo, index) => {
    const where = `${source}: slos[${index}] (${slo.name})`;
    if (names.has(slo.name)) throw new SpecError(`${where}: duplicate SLO name`);
    names.add(slo.name);
    for (const key of ['error_query', 'total_query'] as const) {
      const problems = checkSliQuery(slo.sli.events[key], spec.service);
      if (problems.length > 0) throw new SpecError(`${where}: sli.events.${key}: ${problems.join('; ')}`);
    }
    return {
      id: `${spec.service}-${slo.name}`,
      service: spec.service,
      name: slo.name,
      // Rounded so 99.9 becomes 0.999 and not 0.9990000000000001 in the rules.
      objective: Number((slo.objective / 100).toPrecision(12)),
      description: slo.description ?? '',
      errorQuery: slo.sli.events.error_query.trim(),
      totalQuery: slo.sli.events.total_query.trim(),
      labels: { ...spec.labels, ...slo.labels },
      alerting: slo.alerting,
    };
  });
}

export interface LoadedSpec {
  readonly service: string;
  readonly file: string;
  readonly slos: Slo[];
}

/** Every `<service>.yaml` in the directory, sorted by service; the file name must match `service`. */
export function loadSpecs(dir: string): LoadedSpec[] {
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  if (files.length === 0) throw new SpecError(`${dir}: no SLO specs (*.yaml) found`);
  return files.map((file) => {
    const path = join(dir, file);
    const slos = parseSpec(readFileSync(path, 'utf8'), path);
    const service = slos[0].service;
    if (basename(file).replace(/\.ya?ml$/, '') !== service) {
      throw new SpecError(`${path}: file name must be ${service}.yaml to match its service`);
    }
    return { service, file: path, slos };
  });
}
