{{/*
service-lib.prometheusRule: the service's SLO recording and alerting rules. The spec is the app
chart's rules/slo-rules.yaml, written by the SLO generator (deploy/slo); a chart without that file
renders no PrometheusRule rather than failing.
Usage (templates/prometheusrule.yaml of an app chart): {{ include "service-lib.prometheusRule" . }}
*/}}
{{- define "service-lib.prometheusRule" -}}
{{- $raw := .Files.Get "rules/slo-rules.yaml" -}}
{{- if and .Values.prometheusRule.enabled $raw -}}
{{- $spec := fromYaml $raw -}}
{{- if hasKey $spec "Error" -}}
{{- fail (printf "rules/slo-rules.yaml is not valid YAML: %s" (get $spec "Error")) -}}
{{- end -}}
{{- if not (kindIs "slice" $spec.groups) -}}
{{- fail "rules/slo-rules.yaml must be a PrometheusRule spec: an object with a `groups` list" -}}
{{- end -}}
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: {{ include "service-lib.fullname" . }}
  labels:
    {{- include "service-lib.labels.standard" . | nindent 4 }}
    {{- with .Values.prometheusRule.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec: {{- toYaml $spec | nindent 2 }}
{{- end -}}
{{- end -}}
