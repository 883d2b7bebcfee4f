#!/usr/bin/env bash
# Lints (--strict) and renders every app chart under <helm-dir> with its defaults, with each of its
# ci/*-values.yaml, and with the values Argo CD layers per environment (<values-dir>/common/<app>.yaml
# then <values-dir>/<env>/<app>.yaml). Used by .github/workflows/helm.yml; HELM names the binary.
# Usage: helm-check.sh [helm-dir] [values-dir]
set -euo pipefail
helm_dir=${1:-helm}
values_dir=${2:-deploy/values}
helm=${HELM:-helm}
failures=0

# check <chart-dir> <label> [values files...]
check() {
  local chart=$1 label=$2
  shift 2
  local args=()
  for f in "$@"; do args+=(-f "$f"); done
  local out
  if out=$("$helm" lint --strict "$chart" "${args[@]}" 2>&1) &&
    out=$("$helm" template "$(basename "$chart")" "$chart" "${args[@]}" 2>&1 >/dev/null); then
    echo "ok   $(basename "$chart") ($label)"
  else
    echo "FAIL $(basename "$chart") ($label)"
    echo "$out" | sed 's/^/     /'
    failures=$((failures + 1))
  fi
}

shopt -s nullglob
charts=0
for chart in "$helm_dir"/*/; do
  chart=${chart%/}
  [ -f "$chart/Chart.yaml" ] || continue
  # Library charts render nothing on their own; the app charts exercise them.
  grep -Eq '^type:[[:space:]]*library' "$chart/Chart.yaml" && continue
  name=$(basename "$chart")
  charts=$((charts + 1))
  "$helm" dependency build "$chart" >/dev/null

  check "$chart" defaults
  for scenario in "$chart"/ci/*-values.yaml; do
    check "$chart" "$(basename "$scenario")" "$scenario"
  done
  for env_dir in "$values_dir"/*/; do
    env=$(basename "$env_dir")
    [ "$env" = common ] && continue
    layered=()
    [ -f "$values_dir/common/$name.yaml" ] && layered+=("$values_dir/common/$name.yaml")
    [ -f "$env_dir/$name.yaml" ] && layered+=("$env_dir/$name.yaml")
    [ "${#layered[@]}" -gt 0 ] && check "$chart" "argocd $env" "${layered[@]}"
  done
done

if [ "$charts" -eq 0 ]; then
  echo "no application chart under $helm_dir" >&2
  exit 1
fi
if [ "$failures" -gt 0 ]; then
  echo "$failures chart check(s) failed" >&2
  exit 1
fi
