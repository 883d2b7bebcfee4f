// Every query the platform ships parses in its own language, and every metric a PromQL query names
// is emitted by someone: the catalog, prom-client's defaults, Tempo's metrics-generator, Prometheus
// itself, or a recording rule in the repo. A panel on a metric nobody emits fails here.
import { catalogLabels, catalogMetrics, PROMETHEUS_SYNTHETIC, promClientDefaultMetrics, TEMPO_GENERATED } from './lib/known-metrics';
import { logqlErrors, promqlErrors, promqlMetricNames, promqlSelectors, traceqlErrors } from './lib/query-languages';
import { dashboardQueries, datasourceQueries, ruleFiles, ruleQueries, ShippedQuery } from './lib/queries';

const errorsOf = { promql: promqlErrors, logql: logqlErrors, traceql: traceqlErrors };

describe('shipped queries', () => {
  const dashboards = dashboardQueries();
  const datasources = datasourceQueries();
  const rules = ruleQueries();
  const all: ShippedQuery[] = [...dashboards, ...datasources, ...rules.queries];
  let known: Set<string>;

  beforeAll(async () => {
    known = new Set([...catalogMetrics(), ...(await promClientDefaultMetrics()), ...TEMPO_GENERATED, ...PROMETHEUS_SYNTHETIC, ...rules.recorded]);
  });

  it('finds queries of all three languages in the dashboards and datasources', () => {
    const languages = new Set([...dashboards, ...datasources].map((q) => q.language));
    expect([...languages].sort()).toEqual(['logql', 'promql', 'traceql']);
    expect(dashboards.length).toBeGreaterThan(40);
  });

  it('finds the SLO recording rules the SLO dashboard reads', () => {
    expect(ruleFiles().length).toBeGreaterThan(0);
    for (const name of ['slo:sli_error:ratio_rate5m', 'slo:sli_error:ratio_rate30d', 'slo:objective:ratio', 'slo:error_budget:ratio', 'slo:current_burn_rate:ratio', 'slo:period_error_budget_remaining:ratio']) {
      expect(rules.recorded).toContain(name);
    }
  });

  it.each(all.map((q) => [q.language, q.where, q.expr]))('%s in %s parses', (language, _where, expr) => {
    expect({ expr, errors: errorsOf[language as keyof typeof errorsOf](expr) }).toEqual({ expr, errors: [] });
  });

  it.each([...dashboards, ...datasources, ...rules.queries].filter((q) => q.language === 'promql').map((q) => [q.where, q.expr]))(
    '%s queries only emitted metrics',
    (_where, expr) => {
      expect({ expr, unknown: promqlMetricNames(expr).filter((name) => !known.has(name)) }).toEqual({ expr, unknown: [] });
    },
  );

  it.each(dashboards.filter((q) => q.language === 'promql').map((q) => [q.where, q.expr]))(
    '%s matches catalog metrics only on labels they carry',
    (_where, expr) => {
      const labels = catalogLabels();
      const wrong = promqlSelectors(expr).flatMap(({ metric, labels: used }) =>
        labels.has(metric) ? used.filter((l) => !labels.get(metric)?.has(l)).map((l) => `${metric}{${l}}`) : [],
      );
      expect({ expr, wrong }).toEqual({ expr, wrong: [] });
    },
  );

  it('rejects what it should: a broken query and an unknown metric', () => {
    expect(promqlErrors('sum(rate(http_server_request_duration_seconds_count[5m])')).not.toEqual([]);
    expect(logqlErrors('{service_name="orders"} | json |')).not.toEqual([]);
    expect(traceqlErrors('{ resource.service.name = }')).not.toEqual([]);
    expect(promqlMetricNames('rate(http_requests_total{service="$service"}[$__rate_interval])')).toEqual(['http_requests_total']);
    expect(catalogMetrics().has('http_requests_total')).toBe(false);
    expect(promqlSelectors('rate(circuit_breaker_state{service="a", route="x"}[5m])')).toEqual([{ metric: 'circuit_breaker_state', labels: ['service', 'route'] }]);
    expect(catalogLabels().get('circuit_breaker_state')?.has('route')).toBe(false);
  });
});
