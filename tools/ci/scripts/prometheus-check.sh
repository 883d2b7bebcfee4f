#!/usr/bin/env bash
# promtool checks the local Prometheus config (and the rule files it loads) and every rule file the
# repository ships, local and per chart; amtool checks the cluster and the local Alertmanager configs.
# Used by .github/workflows/prometheus.yml.
# Usage: prometheus-check.sh [repository-root]
set -euo pipefail
cd "${1:-.}"
shopt -s nullglob

promtool check config deploy/local/prometheus.yml

rules=(deploy/local/rules/*.yml deploy/local/rules-e2e/*.yml helm/*/rules/*.yaml)
if [ "${#rules[@]}" -eq 0 ]; then
  echo "no rule files found under deploy/local or helm/*/rules" >&2
  exit 1
fi
promtool check rules "${rules[@]}"

amtool check-config deploy/alertmanager/alertmanager.yml deploy/local/alertmanager.yml
