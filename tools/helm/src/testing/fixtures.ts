// A small but valid PrometheusRule spec, standing in for the generated helm/<svc>/rules/slo-rules.yaml
// in tests, so the PrometheusRule template is exercised whether or not the SLO generator has run.
export const PLACEHOLDER_SLO_RULES = `groups:
  - name: fixture-slo-availability
    rules:
      - record: slo:sli_error:ratio_rate5m
        expr: |
          sum(rate(http_server_request_duration_seconds_count{service="fixture",http_response_status_code=~"5.."}[5m]))
          /
          sum(rate(http_server_request_duration_seconds_count{service="fixture"}[5m]))
        labels:
          sloth_service: fixture
          sloth_slo: availability
      - alert: FixtureAvailabilityBudgetBurn
        expr: slo:sli_error:ratio_rate5m{sloth_service="fixture"} > (14.4 * 0.001)
        for: 2m
        labels:
          severity: critical
        annotations:
          summary: fixture burn-rate alert
`;
