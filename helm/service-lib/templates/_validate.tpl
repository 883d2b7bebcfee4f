{{/*
service-lib.validate: checks that span several values, which values.schema.json cannot express,
and fails rendering (and `helm lint`) with a message naming the values to change. Renders nothing.
Usage: {{- include "service-lib.validate" . }}
*/}}
{{- define "service-lib.validate" -}}
{{- $v := .Values -}}
{{- /* Secrets must come from a Secret; plain env would put them in the ConfigMap and in git. */ -}}
{{- /* The same list as RESERVED_ENV in tools/helm/src/values-schema.ts. */ -}}
{{- $reserved := list "DATABASE_URL" "ADMIN_TOKEN" "PORT" "GRPC_PORT" "SHUTDOWN_TIMEOUT_MS" "LOG_LEVEL" "LOG_FORMAT" "DEPLOYMENT_ENVIRONMENT" "OTEL_SERVICE_NAME" "OTEL_EXPORTER_OTLP_ENDPOINT" "OTEL_EXPORTER_OTLP_PROTOCOL" "OTEL_RESOURCE_ATTRIBUTES" "POD_NAME" "POD_NAMESPACE" "NODE_NAME" -}}
{{- range $name, $_ := $v.env -}}
{{- if has $name (list "DATABASE_URL" "ADMIN_TOKEN") -}}
{{- fail (printf "env.%s: secrets are never plain values; put it in a Secret and set %s.existingSecret" $name (ternary "database" "adminToken" (eq $name "DATABASE_URL"))) -}}
{{- else if has $name $reserved -}}
{{- fail (printf "env.%s is set by the chart from its own value; remove it from env" $name) -}}
{{- end -}}
{{- end -}}
{{- if and $v.database.enabled (not $v.database.existingSecret) -}}
{{- fail "database.enabled needs database.existingSecret: the name of a Secret holding DATABASE_URL" -}}
{{- end -}}
{{- if and $v.database.enabled $v.networkPolicy.enabled (not $v.database.egressTo) -}}
{{- fail "database.enabled with networkPolicy.enabled needs database.egressTo (NetworkPolicy peers of the Postgres server), or the default-deny policy blocks it" -}}
{{- end -}}
{{- if and $v.autoscaling.enabled (lt (int $v.autoscaling.maxReplicas) (int $v.autoscaling.minReplicas)) -}}
{{- fail (printf "autoscaling.maxReplicas (%d) must be at least autoscaling.minReplicas (%d)" (int $v.autoscaling.maxReplicas) (int $v.autoscaling.minReplicas)) -}}
{{- end -}}
{{- end -}}
