// Renders the report as an aligned text table (for people) or JSON (for scripts and CI).
import { SloRow, windowSeconds } from './report';

const pct = (v: number | null, digits: number) => (v === null ? 'n/a' : `${(v * 100).toFixed(digits)}%`);

export function formatTable(rows: readonly SloRow[]): string {
  const windows = [...new Set(rows.flatMap((r) => Object.keys(r.burnRates)))].sort((a, b) => windowSeconds(a) - windowSeconds(b));
  const period = rows[0]?.period ?? '30d';
  const header = ['SERVICE', 'SLO', 'OBJECTIVE', `SLI (${period})`, 'BUDGET LEFT', ...windows.map((w) => `BURN ${w}`), 'STATUS'];
  const lines = rows.map((r) => [
    r.service,
    r.slo,
    pct(r.objective, 2),
    pct(r.sli, 3),
    pct(r.budgetRemaining, 1),
    ...windows.map((w) => (r.burnRates[w] === undefined ? 'n/a' : r.burnRates[w].toFixed(2))),
    r.status.toUpperCase(),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const render = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 2 && i < cells.length - 1 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const alerts = rows.filter((r) => r.firingAlerts.length > 0).map((r) => `firing for ${r.id}: ${r.firingAlerts.join(', ')}`);
  return [render(header), ...lines.map(render), ...(alerts.length > 0 ? ['', ...alerts] : [])].join('\n');
}

export function formatJson(rows: readonly SloRow[]): string {
  return JSON.stringify({ slos: rows, exhausted: rows.some((r) => r.status === 'exhausted') }, null, 2);
}
