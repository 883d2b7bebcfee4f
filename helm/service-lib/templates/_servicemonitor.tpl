{{/*
service-lib.serviceMonitor: prometheus-operator scrape of /metrics on the http port. OpenMetrics is
asked for first because exemplars (trace_id) travel only in that format; the `service` label is set
to the service name (not the Kubernetes Service name, which carries the release) because rules and
dashboards aggregate by it.
Usage (templates/servicemonitor.yaml of an app chart): {{ include "service-lib.serviceMonitor" . }}
*/}}
{{- define "service-lib.serviceMonitor" -}}
{{- if .Values.serviceMonitor.enabled -}}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "service-lib.fullname" . }}
  labels:
    {{- include "service-lib.labels.standard" . | nindent 4 }}
    {{- with .Values.serviceMonitor.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  selector:
    matchLabels: {{- include "service-lib.labels.selector" . | nindent 6 }}
  scrapeProtocols:
    - OpenMetricsText1.0.0
    - OpenMetricsText0.0.1
    - PrometheusText0.0.4
  endpoints:
    - port: http
      path: /metrics
      interval: {{ .Values.serviceMonitor.interval }}
      scrapeTimeout: {{ .Values.serviceMonitor.scrapeTimeout }}
      relabelings:
        - action: replace
          targetLabel: service
          replacement: {{ include "service-lib.name" . }}
{{- end -}}
{{- end -}}
