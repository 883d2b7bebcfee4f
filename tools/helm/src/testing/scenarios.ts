// The render scenarios of every app chart: its defaults plus each ci/*-values.yaml it ships.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CHARTS, type AppChart } from '../charts';
import type { K8sObject } from './k8s-models';

export interface Scenario {
  readonly chart: AppChart;
  /** "default" or the ci file's name without -values.yaml (prod, hpa, database, minimal). */
  readonly name: string;
  readonly valuesFiles: readonly string[];
}

export function ciScenarioNames(chart: AppChart): string[] {
  const ciDir = join(chart.dir, 'ci');
  if (!existsSync(ciDir)) return [];
  return readdirSync(ciDir)
    .filter((f) => f.endsWith('-values.yaml'))
    .map((f) => f.slice(0, -'-values.yaml'.length))
    .sort();
}

export const SCENARIOS: readonly Scenario[] = APP_CHARTS.flatMap((chart) => [
  { chart, name: 'default', valuesFiles: [] },
  ...ciScenarioNames(chart).map((name) => ({ chart, name, valuesFiles: [`ci/${name}-values.yaml`] })),
]);

/** The one object of a kind, or undefined; fails when the chart renders several. */
export function single(objects: readonly K8sObject[], kind: string): K8sObject | undefined {
  const found = objects.filter((o) => o.kind === kind);
  if (found.length > 1) throw new Error(`expected at most one ${kind}, got ${found.length}`);
  return found[0];
}

export function required(objects: readonly K8sObject[], kind: string): K8sObject {
  const found = single(objects, kind);
  if (!found) throw new Error(`expected a ${kind} among ${objects.map((o) => o.kind).join(', ')}`);
  return found;
}
