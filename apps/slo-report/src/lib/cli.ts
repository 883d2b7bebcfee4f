// Command line of slo-report: arguments in, report out, exit code for CI gates
// (0 all budgets left, 2 a budget is exhausted, 1 no report could be made).
import { parseArgs } from 'node:util';
import { formatJson, formatTable } from './format';
import { PrometheusClient, ReportError } from './prometheus';
import { buildReport } from './report';

export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_BUDGET_EXHAUSTED = 2;

export const USAGE = `usage: slo-report [--url <prometheus url>] [--service <name>]... [--json] [--timeout-ms <ms>]

Prints, per service and SLO, the SLI over the SLO period, the objective, the error budget left,
the burn rate per window and a status (EXHAUSTED, PAGE, TICKET, NO-DATA, OK).
  --url          Prometheus base URL (default: $PROMETHEUS_URL or http://localhost:9090)
  --service      only this service (repeatable)
  --json         JSON instead of a table
  --timeout-ms   per-request timeout (default 5000)
Exit codes: 0 ok, 1 no report (Prometheus unreachable, SLO rules not loaded, bad arguments),
2 at least one error budget is exhausted.`;

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv, io: Output): Promise<number> {
  let values: { url?: string; service?: string[]; json?: boolean; 'timeout-ms'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        url: { type: 'string' },
        service: { type: 'string', multiple: true },
        json: { type: 'boolean' },
        'timeout-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return EXIT_ERROR;
  }
  if (values.help) {
    io.out(USAGE);
    return EXIT_OK;
  }
  const url = values.url ?? env['PROMETHEUS_URL'] ?? 'http://localhost:9090';
  const timeoutMs = Number(values['timeout-ms'] ?? 5000);
  if (!/^https?:\/\/[^/]/.test(url)) {
    io.err(`--url must be an http(s) URL, got "${url}"\n\n${USAGE}`);
    return EXIT_ERROR;
  }
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    io.err(`--timeout-ms must be a positive integer, got "${values['timeout-ms']}"`);
    return EXIT_ERROR;
  }
  try {
    const rows = await buildReport(new PrometheusClient(url, timeoutMs), values.service ?? []);
    io.out(values.json ? formatJson(rows) : formatTable(rows));
    return rows.some((r) => r.status === 'exhausted') ? EXIT_BUDGET_EXHAUSTED : EXIT_OK;
  } catch (error) {
    if (error instanceof ReportError) {
      io.err(`slo-report: ${error.message}`);
      return EXIT_ERROR;
    }
    throw error;
  }
}
