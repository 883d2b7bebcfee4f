// A throw-away copy of helm/ with the library dependency built, so tests run the real helm binary on
// the real charts without writing into the repository (charts/, Chart.lock) and can add or remove
// fixture files (rules/slo-rules.yaml) freely.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { APP_CHARTS, HELM_DIR } from '../charts';
import { unpackBinaries } from '../unpack-binaries';
import type { K8sObject } from './k8s-models';

export interface HelmResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RenderOptions {
  /** Values files, relative to the chart (e.g. ci/prod-values.yaml) or absolute. */
  readonly valuesFiles?: readonly string[];
  /** --set expressions. */
  readonly set?: readonly string[];
  readonly release?: string;
  readonly namespace?: string;
}

/** Set by the suite's global setup: a directory holding a prepared helm/ copy and renders.json. */
export const PREPARED_DIR_ENV = 'HELM_CHARTS_PREPARED_DIR';

export class ChartWorkspace {
  private constructor(
    readonly root: string,
    private readonly helmBin: string,
  ) {}

  /** Unpacks helm if needed, copies helm/ to a temp dir and builds every app chart's dependency. */
  static async prepare(): Promise<ChartWorkspace> {
    const { helm } = await unpackBinaries();
    const workspace = new ChartWorkspace(join(mkdtempSync(join(tmpdir(), 'helm-charts-')), 'helm'), helm);
    try {
      cpSync(HELM_DIR, workspace.root, {
        recursive: true,
        // Leftovers of a `helm dependency build` run inside the repo must not mask a broken build.
        filter: (src) => !/\/charts(\/|$)|Chart\.lock$/.test(src.slice(HELM_DIR.length)),
      });
      for (const chart of APP_CHARTS) {
        workspace.mustSucceed(['dependency', 'build', workspace.chartDir(chart.name)]);
      }
    } catch (err) {
      workspace.dispose();
      throw err;
    }
    return workspace;
  }

  /**
   * A private copy of the workspace the global setup prepared (see global-setup.ts), so each spec
   * file can change files freely without building the dependencies again; prepares one itself
   * when run without that setup.
   */
  static async create(): Promise<ChartWorkspace> {
    const prepared = process.env[PREPARED_DIR_ENV];
    if (!prepared) return ChartWorkspace.prepare();
    const { helm } = await unpackBinaries();
    const workspace = new ChartWorkspace(join(mkdtempSync(join(tmpdir(), 'helm-charts-')), 'helm'), helm);
    cpSync(join(prepared, 'helm'), workspace.root, { recursive: true });
    return workspace;
  }

  chartDir(chart: string): string {
    return join(this.root, chart);
  }

  hasFile(chart: string, relativePath: string): boolean {
    return existsSync(join(this.chartDir(chart), relativePath));
  }

  writeFile(chart: string, relativePath: string, content: string): void {
    const file = join(this.chartDir(chart), relativePath);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }

  removeFile(chart: string, relativePath: string): void {
    rmSync(join(this.chartDir(chart), relativePath), { force: true });
  }

  /** Runs fn with the file replaced (null: removed), then puts the original back. */
  withFile<T>(chart: string, relativePath: string, content: string | null, fn: () => T): T {
    const file = join(this.chartDir(chart), relativePath);
    const original = existsSync(file) ? readFileSync(file, 'utf8') : null;
    const put = (text: string | null): void =>
      text === null ? this.removeFile(chart, relativePath) : this.writeFile(chart, relativePath, text);
    put(content);
    try {
      return fn();
    } finally {
      put(original);
    }
  }

  helm(args: readonly string[]): HelmResult {
    const run = spawnSync(this.helmBin, args, {
      encoding: 'utf8',
      // HOME-independent: helm must not read or write the user's repositories, cache or plugins.
      env: {
        PATH: process.env['PATH'] ?? '',
        HELM_CACHE_HOME: join(this.root, '..', 'cache'),
        HELM_CONFIG_HOME: join(this.root, '..', 'config'),
        HELM_DATA_HOME: join(this.root, '..', 'data'),
      },
    });
    if (run.error) throw run.error;
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  }

  lint(chart: string, options: RenderOptions = {}): HelmResult {
    return this.helm(['lint', '--strict', this.chartDir(chart), ...this.valueArgs(chart, options)]);
  }

  template(chart: string, options: RenderOptions = {}): HelmResult {
    const release = options.release ?? chart;
    const namespace = options.namespace ?? 'apps';
    return this.helm([
      'template',
      release,
      this.chartDir(chart),
      '--namespace',
      namespace,
      ...this.valueArgs(chart, options),
    ]);
  }

  /** Renders and parses the manifests; throws with helm's message when rendering fails. */
  render(chart: string, options: RenderOptions = {}): K8sObject[] {
    const result = this.template(chart, options);
    if (result.status !== 0) throw new Error(`helm template ${chart} failed:\n${result.stderr}`);
    return parseManifests(result.stdout);
  }

  dispose(): void {
    rmSync(dirname(this.root), { recursive: true, force: true });
  }

  private valueArgs(chart: string, options: RenderOptions): string[] {
    const files = (options.valuesFiles ?? []).map((f) => (isAbsolute(f) ? f : join(this.chartDir(chart), f)));
    return [...files.flatMap((f) => ['-f', f]), ...(options.set ?? []).flatMap((s) => ['--set', s])];
  }

  private mustSucceed(args: readonly string[]): HelmResult {
    const result = this.helm(args);
    if (result.status !== 0) throw new Error(`helm ${args.join(' ')} failed:\n${result.stderr}`);
    return result;
  }
}

export function parseManifests(stream: string): K8sObject[] {
  return parseAllDocuments(stream)
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`rendered YAML does not parse: ${doc.errors[0]?.message}`);
      return doc.toJS() as K8sObject | null;
    })
    .filter((obj): obj is K8sObject => obj !== null);
}
