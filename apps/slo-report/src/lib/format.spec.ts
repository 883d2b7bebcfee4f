// How a report reads: status precedence, percentages, burn rates and JSON for CI.
import { formatJson, formatTable } from './format';
import { SloRow, statusOf } from './report';

const row = (over: Partial<SloRow>): SloRow => ({
  service: 'orders',
  slo: 'availability',
  id: 'orders-availability',
  objective: 0.999,
  period: '30d',
  sli: 0.9995,
  errorBudget: 0.001,
  budgetRemaining: 0.5,
  burnRates: { '5m': 0.5, '1h': 0.25 },
  firingAlerts: [],
  status: 'ok',
  ...over,
});

describe('status', () => {
  it('puts an exhausted budget before firing alerts, alerts before missing data', () => {
    expect(statusOf(row({ budgetRemaining: 0 }), ['critical'])).toBe('exhausted');
    expect(statusOf(row({}), ['warning', 'critical'])).toBe('page');
    expect(statusOf(row({}), ['warning'])).toBe('ticket');
    expect(statusOf(row({ sli: null, budgetRemaining: 1 }), [])).toBe('no-data');
    expect(statusOf(row({}), [])).toBe('ok');
  });
});

describe('table', () => {
  it('aligns one row per SLO with a burn-rate column per window, shortest first', () => {
    const text = formatTable([
      row({}),
      row({ service: 'payments', id: 'payments-availability', sli: 0.95, budgetRemaining: -49, burnRates: { '1h': 100 }, status: 'exhausted', firingAlerts: ['AvailabilityErrorBudgetBurn (critical)'] }),
    ]);
    const lines = text.split('\n');
    expect(lines[0].split(/\s{2,}/)).toEqual(['SERVICE', 'SLO', 'OBJECTIVE', 'SLI (30d)', 'BUDGET LEFT', 'BURN 5m', 'BURN 1h', 'STATUS']);
    expect(lines[1].split(/\s{2,}/)).toEqual(['orders', 'availability', '99.90%', '99.950%', '50.0%', '0.50', '0.25', 'OK']);
    expect(lines[2].split(/\s{2,}/)).toEqual(['payments', 'availability', '99.90%', '95.000%', '-4900.0%', 'n/a', '100.00', 'EXHAUSTED']);
    expect(text).toContain('firing for payments-availability: AvailabilityErrorBudgetBurn (critical)');
  });
});

describe('json', () => {
  it('keeps raw numbers and flags exhaustion for CI', () => {
    const body = JSON.parse(formatJson([row({ budgetRemaining: -1, status: 'exhausted' })])) as { exhausted: boolean; slos: SloRow[] };
    expect(body.exhausted).toBe(true);
    expect(body.slos[0]).toMatchObject({ budgetRemaining: -1, burnRates: { '5m': 0.5 } });
  });
});
